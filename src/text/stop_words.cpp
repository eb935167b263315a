#include "text/stop_words.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <vector>

#include "text/word_hash.h"
#include "text/word_shape_filter.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdedup {
namespace {

// Written for this project from general knowledge of each language: the function words that
// make up a large share of any running text, in lower case, separated by single spaces.
constexpr std::string_view kEnglish =
    "a about above across after again against all almost along already also although always am among an and "
    "another any anyone anything are aren't around as at away be because been before behind being below "
    "between both but by can can't cannot could couldn't did didn't do does doesn't doing don't done down "
    "during each either else enough even ever every few for from further had hadn't has hasn't have haven't "
    "having he he'd he'll he's her here hers herself him himself his how however i i'd i'll i'm i've if in "
    "instead into is isn't it it's its itself just least less let's many may me might more most much must my "
    "myself neither never no nor not nothing now of off often on once one only onto or other others otherwise "
    "our ours ourselves out over own per perhaps rather said same say says several shall she she'd she'll "
    "she's should shouldn't since so some something still such than that that's the their theirs them "
    "themselves then there there's these they they'd they'll they're they've this those though through thus "
    "till to together too toward towards under unless until up upon us very via was wasn't we we'd we'll "
    "we're we've well were weren't what what's whatever when whenever where whereas wherever whether which "
    "while who who's whoever whole whom whose why will with within without won't would wouldn't yet you "
    "you'd you'll you're you've your yours yourself yourselves";

constexpr std::string_view kFrench =
    "a à afin ai ainsi alors après as au aucun aucune aujourd'hui auprès aussi autre autres aux avaient avais "
    "avait avant avec avez avoir avons ayant c ça car ce ceci cela celle celles celui cependant certains ces "
    "cet cette ceux chacun chaque chez comme comment contre d dans de depuis des dès deux devant doit donc "
    "dont du durant elle elles en encore entre est et étaient était étant été être eu eux fait faire fois "
    "font hors ici il ils j jamais je jusqu jusque l la là le lequel les leur leurs lors lorsque lui m ma "
    "mais me même mêmes mes moi moins mon n ne ni nos notre nous on ont or ou où par parce parmi pas pendant "
    "peu peut peuvent plus plusieurs pour pourquoi pourtant près puis qu quand que quel quelle quelles quels "
    "qui quoi s sa sans se selon sera seront serait ses si sien soi son sont sous souvent suis sur t ta tandis "
    "tant te tel telle tels tes toi ton toujours tous tout toute toutes très trop tu un une vers voici voilà "
    "vos votre vous y";

constexpr std::string_view kGerman =
    "ab aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim bereits bin bis "
    "bist bzw da dabei dadurch dafür dagegen daher damit dann darauf darin darum das dass daß dem den denen "
    "denn der deren derer des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch "
    "ein eine einem einen einer eines einige er es etwa etwas euch euer für gegen gewesen hab habe haben hat "
    "hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in indem ins "
    "ist ja jede jedem jeden jeder jedes jedoch jene jetzt kann kein keine keinem keinen keiner können konnte "
    "könnte man mehr mein meine mit muss musste müssen nach nachdem neben nicht nichts noch nun nur ob oder "
    "ohne sehr sein seine seinem seinen seiner seit selbst sich sie sind so sodass sogar soll sollen sollte "
    "sondern sowie über um und uns unser unsere unter vom von vor während war waren warum was weil welche "
    "welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird wo wollen wurde würde "
    "wurden würden zu zum zur zwar zwischen";

constexpr std::string_view kSpanish =
    "a al algo algunas algunos ante antes aquel aquella aquellas aquellos aquí así aunque bajo bien cada casi "
    "como con contra cual cuales cuando cuanto de del desde donde dos durante e el él ella ellas ellos en "
    "entre era eran es esa esas ese eso esos esta está estaba estaban están estar estas este esto estos fue "
    "fueron ha había habían han hasta hay hacia la las le les lo los más me mi mientras mis mismo misma muy "
    "nada ni no nos nosotros nuestra nuestro nuestros o otra otras otro otros para pero poco por porque pues "
    "que qué quien quienes se sea según ser si sí sido sin sino sobre solo sólo son su sus también tan tanto "
    "te tiene tienen toda todas todo todos tras tu tus u un una unas uno unos usted ustedes y ya yo";

constexpr std::string_view kPortuguese =
    "a à ainda além ao aos apenas após aquela aquele aqueles as às assim até cada com como contra da das de "
    "dela dele deles depois desde dessa desse desta deste do dos durante e é ela elas ele eles em embora "
    "entre era eram essa essas esse esses esta está estão estava estar este estes eu foi foram há isso isto "
    "já lhe lhes mais mas me mesmo meu minha muito muitos na não nas nem no nos nós nossa nosso num numa o "
    "onde os ou para pela pelas pelo pelos pode podem por porque pois quais qual quando que quem se sem ser "
    "seu seus sido sob sobre sua suas também tem têm tinha toda todas todo todos um uma umas uns você vocês";

constexpr std::string_view kItalian =
    "a ad agli ai al all alla alle allo anche ancora avere aveva avevano c che chi ci come con contro cosa così "
    "cui da dal dall dalla dalle dagli dai dallo degli dei del dell della delle dello dentro di dopo dove e è ed era "
    "erano essere fa fino fra gli ha hanno ho i il in io l la le lei loro lo lui ma mentre mi mia mio molto "
    "ne negli nei nel nell nella nelle nello no noi non nostro o ogni oltre per perché però più poi prima può "
    "quale quali quando quanto quell quella quelle quelli quello quest questa queste questi questo se sembra senza si "
    "sia siamo sono sopra sotto sta stata stati stato su sua sue sugli sui sul sull sulla sulle suo suoi tra "
    "tutta tutte tutti tutto un una uno vi voi";

constexpr std::string_view kRussian =
    "а без более будет будто бы был была были было быть в вам вас весь во вот все всегда всего всех всё вы "
    "где да даже для до его ее её ей ему если есть еще ещё же за здесь и из или им их к как какая какой "
    "когда кого кто куда ли либо лишь между меня мне много может можно мой мы на над надо нас не него нее "
    "неё ней нет ни них но ну о об однако он она они оно от очень перед по под после потом потому почти при "
    "про раз с сам свой свою себе себя со так также такой там те тем то того тоже только том тот тут ты у "
    "уж уже хоть хотя чего чем через что чтобы эта эти это этого этой этом этот эту я";

constexpr std::array<std::string_view, kStopWordLanguageCount> kLists = {
    kEnglish, kFrench, kGerman, kSpanish, kPortuguese, kItalian, kRussian};

// Longest stop word in bytes: six Cyrillic letters ("только", "потому"). A word to fold that is
// longer than twice this (an elided article and a long word) is none.
constexpr std::size_t kMaxStopWordBytes = 12;

// Hash and displace over 64-bit hashes: a word's hash names a bucket, the bucket a displacement,
// and hash and displacement together the one slot where the word sits, so a lookup reads one
// slot and compares without a branch (whether a word of running text is a stop word is a coin
// toss that a branch would keep mispredicting). The displacements are chosen when the table is
// built, bucket by bucket from the fullest, so that no two words share a slot: with about 900
// words in 4,096 slots (32 KiB) a free one is always found at once. A false match between two
// different words is a 2^-54 event. The bucket comes from the hash's top bits and the slot from
// its bottom ones, so that a lookup needs no variable shift.
class StopWordTable {
 public:
  StopWordTable() : hashes_(kSlots, 0), masks_(kSlots, 0) {
    std::vector<std::pair<std::uint64_t, LanguageMask>> words;  // (hash, the list it is in)
    for (std::size_t language = 0; language < kLists.size(); ++language) {
      const std::string_view list = kLists[language];
      for (std::size_t start = 0; start < list.size();) {
        std::size_t end = list.find(' ', start);
        if (end == std::string_view::npos) end = list.size();
        const std::string_view word = list.substr(start, end - start);
        words.emplace_back(word_hash(word), static_cast<LanguageMask>(1u << language));
        shapes_.add(word);
        start = end + 1;
      }
    }
    // A word of several lists once, with all their bits.
    std::sort(words.begin(), words.end());
    std::size_t distinct = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (distinct > 0 && words[distinct - 1].first == words[w].first)
        words[distinct - 1].second = static_cast<LanguageMask>(words[distinct - 1].second | words[w].second);
      else
        words[distinct++] = words[w];
    }
    words.resize(distinct);
    // The words of one bucket reach the same slots whatever their displacement when their slot
    // bits agree: no two words of these lists do.
    if (!place(words)) throw std::logic_error("the stop-word table has no room left");
  }

  // False when no stop word has this word's length and first byte: most words stop here.
  bool may_hold(std::string_view word) const { return shapes_.may_hold(word); }

  using Slots = StopWordSlots;
  Slots slots() const { return {hashes_.data(), masks_.data(), displacements_.data()}; }

  LanguageMask find(std::uint64_t hash) const { return slots().find(hash); }

 private:
  static constexpr std::size_t kSlots = Slots::kSlots;
  static constexpr std::size_t kBuckets = Slots::kBuckets;
  static std::size_t bucket(std::uint64_t hash) { return Slots::bucket(hash); }
  static std::size_t slot_of(std::uint64_t hash, std::uint16_t displacement) {
    return Slots::slot_of(hash, displacement);
  }

  // Places the words (distinct hashes with their lists), bucket by bucket from the fullest, each
  // at the first displacement that finds all its words free slots; false when a bucket finds none.
  bool place(const std::vector<std::pair<std::uint64_t, LanguageMask>>& words) {
    std::fill(hashes_.begin(), hashes_.end(), 0);
    std::fill(masks_.begin(), masks_.end(), 0);
    // The words grouped by bucket, the fullest buckets first.
    std::array<std::size_t, kBuckets> sizes{};
    for (const auto& word : words) ++sizes[bucket(word.first)];
    std::vector<std::size_t> order(words.size());
    for (std::size_t w = 0; w < words.size(); ++w) order[w] = w;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      const std::size_t bx = bucket(words[x].first), by = bucket(words[y].first);
      return sizes[bx] != sizes[by] ? sizes[bx] > sizes[by] : bx != by ? bx < by : x < y;
    });
    std::vector<bool> taken(kSlots, false);
    std::vector<std::size_t> slots;
    for (std::size_t group = 0; group < order.size();) {
      const std::size_t b = bucket(words[order[group]].first);
      const std::size_t end = group + sizes[b];
      std::uint32_t displacement = 0;
      for (;; ++displacement) {
        if (displacement > 0xFFFF) return false;
        slots.clear();
        for (std::size_t i = group; i < end; ++i) {
          const std::size_t slot = slot_of(words[order[i]].first, static_cast<std::uint16_t>(displacement));
          if (taken[slot] || std::find(slots.begin(), slots.end(), slot) != slots.end()) break;
          slots.push_back(slot);
        }
        if (slots.size() == end - group) break;
      }
      displacements_[b] = static_cast<std::uint16_t>(displacement);
      for (std::size_t i = group; i < end; ++i) {
        taken[slots[i - group]] = true;
        hashes_[slots[i - group]] = words[order[i]].first;
        masks_[slots[i - group]] = words[order[i]].second;
      }
      group = end;
    }
    return true;
  }

  std::vector<std::uint64_t> hashes_;
  std::vector<LanguageMask> masks_;
  std::array<std::uint16_t, kBuckets> displacements_{};
  WordShapeFilter shapes_;
};

const StopWordTable& table() {
  static const StopWordTable instance;
  return instance;
}

// What fold_case() wrote.
struct Folded {
  std::size_t length = 0;                            // bytes written
  std::size_t apostrophe = std::string_view::npos;  // where the first "'" is in them
  bool changed = false;                              // whether they differ from the word
};

// Lower-cases the upper-case letters that open sentences in the listed languages: ASCII,
// Latin-1 (À..Þ, but not ×) and Cyrillic (Ѐ..Я), and writes the typographic apostrophe U+2019
// as "'", into `out`, which has room for word.size() bytes.
Folded fold_case(std::string_view word, char* out) {
  Folded folded;
  std::size_t n = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {  // most bytes of the words folded: apostrophes and letters
      const bool upper = c >= 'A' && c <= 'Z';
      if (c == '\'' && folded.apostrophe == std::string_view::npos) folded.apostrophe = n;
      folded.changed |= upper;
      out[n++] = static_cast<char>(upper ? c + 32 : c);
      continue;
    }
    if (c == 0xE2 && word.compare(i, 3, "\u2019") == 0) {
      if (folded.apostrophe == std::string_view::npos) folded.apostrophe = n;
      folded.changed = true;
      out[n++] = '\'';
      i += 2;
      continue;
    }
    if (i + 1 < word.size()) {
      const unsigned char next = static_cast<unsigned char>(word[i + 1]);
      if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
        out[n++] = static_cast<char>(c);
        out[n++] = static_cast<char>(next + 0x20);
        folded.changed = true;
        ++i;
        continue;
      }
      if (c == 0xD0 && next >= 0x90 && next <= 0x9F) {  // А..П -> а..п
        out[n++] = static_cast<char>(0xD0);
        out[n++] = static_cast<char>(next + 0x20);
        folded.changed = true;
        ++i;
        continue;
      }
      if (c == 0xD0 && next >= 0xA0 && next <= 0xAF) {  // Р..Я -> р..я
        out[n++] = static_cast<char>(0xD1);
        out[n++] = static_cast<char>(next - 0x20);
        folded.changed = true;
        ++i;
        continue;
      }
      if (c == 0xD0 && next >= 0x80 && next <= 0x8F) {  // Ѐ..Џ -> ѐ..џ
        out[n++] = static_cast<char>(0xD1);
        out[n++] = static_cast<char>(next + 0x10);
        folded.changed = true;
        ++i;
        continue;
      }
    }
    out[n++] = static_cast<char>(c);
  }
  folded.length = n;
  return folded;
}

// Words that may be an elided article plus a word ("l'homme", "dell'anno") or hold a
// typographic apostrophe, capitals or accents: folded, then looked up whole and by elision.
// `looked_up` says that the caller found the word as it stands in no list: folded to itself
// (an ASCII "'" and no capital, as in "harbour's"), it is not looked up whole again.
LanguageMask languages_of_folded(const StopWordTable& stop_words, std::string_view word, bool looked_up = false) {
  if (word.size() > 2 * kMaxStopWordBytes) return 0;
  // Zeros after the folded word: word_hash_padded() reads past it.
  char buffer[2 * kMaxStopWordBytes + kWordHashPadding];
  const Folded folded = fold_case(word, buffer);
  std::memset(buffer + folded.length, 0, kWordHashPadding);
  const std::string_view lower(buffer, folded.length);
  if ((folded.changed || !looked_up) && stop_words.may_hold(lower))
    if (const LanguageMask mask = stop_words.find(word_hash_padded(buffer, lower.size())); mask != 0) return mask;
  if (folded.apostrophe == std::string_view::npos || folded.apostrophe == 0) return 0;
  const std::string_view elided = lower.substr(0, folded.apostrophe);
  return stop_words.may_hold(elided) ? stop_words.find(word_hash_padded(buffer, elided.size())) : 0;
}

constexpr bool needs_folding(char c) { return c == '\'' || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; }

constexpr std::array<bool, 256> kNeedsFolding = [] {
  std::array<bool, 256> table{};
  for (unsigned c = 0; c < 256; ++c) table[c] = needs_folding(static_cast<char>(c));
  return table;
}();

bool may_fold(std::string_view word) {
  bool fold = false;
  for (const char c : word) fold |= kNeedsFolding[static_cast<unsigned char>(c)];
  return fold;
}

// may_fold() of a word with kWordHashPadding readable bytes after it.
bool may_fold_padded(std::string_view word) {
#if defined(__SSE2__)
  static_assert(kWordHashPadding >= 16);
  if (word.size() <= 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(word.data()));
    // 'A'..'Z' with one addition and one signed compare; bytes above 0x7F have their top bit.
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(0x80 - 'A'))),
                                         _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i apostrophe = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\''));
    const auto lanes = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(upper, apostrophe), bytes)));
    return (lanes & ((1u << word.size()) - 1)) != 0;
  }
#endif
  return may_fold(word);
}

inline LanguageMask languages_of(const StopWordTable& stop_words, std::string_view word) {
  if (word.empty()) return 0;
  const char first = word.front();
  if (first < 'a' || first > 'z') return needs_folding(first) ? languages_of_folded(stop_words, word) : 0;
  // No stop word has this length and first letter (most words). Folding keeps a lower-case
  // first letter and the length, but for U+2019 (which starts with 0xE2): only a word with an
  // apostrophe can still be found, by its elided article.
  if (!stop_words.may_hold(word)) {
    for (const char c : word)
      if (c == '\'' || c == '\xE2') return languages_of_folded(stop_words, word);
    return 0;
  }
  // Lower-case ASCII letters only (most words of most pages): looked up as they are.
  for (const char c : word)
    if (c < 'a' || c > 'z') return languages_of_folded(stop_words, word);
  return stop_words.find(word_hash(word));
}

}  // namespace

LanguageMask stop_word_languages(std::string_view word) { return languages_of(table(), word); }

namespace {


void add_byte_counts(std::uint64_t byte_counts, LanguageCounts& counts) {
  for (std::size_t language = 0; language < kStopWordLanguageCount; ++language)
    counts[language] += static_cast<std::uint32_t>((byte_counts >> (8 * language)) & 0xFF);
}

}  // namespace

namespace {

// The counts of words[begin, end) (at most 255 words), one byte per language.
template <bool kPadded>
std::uint64_t count_lanes(std::span<const std::string_view> words, std::span<const std::uint64_t> hashes, bool plain,
                          std::size_t begin, std::size_t end) {
  const StopWordTable& stop_words = table();
  const StopWordTable::Slots slots = stop_words.slots();
  std::uint64_t byte_counts = 0;
  if (plain) {
    for (std::size_t i = begin; i < end; ++i) byte_counts += kSpreadLanguageMasks[slots.find(hashes[i])];
  } else {
    for (std::size_t i = begin; i < end; ++i) {
      LanguageMask mask = slots.find(hashes[i]);
      // Not a stop word as it stands: one with an apostrophe, a capital or a non-ASCII letter
      // may be one once folded.
      if (mask == 0 && (kPadded ? may_fold_padded(words[i]) : may_fold(words[i])))
        mask = languages_of_folded(stop_words, words[i], true);
      byte_counts += kSpreadLanguageMasks[mask];
    }
  }
  return byte_counts;
}

template <bool kPadded>
void count_words(std::span<const std::string_view> words, std::span<const std::uint64_t> hashes, bool plain,
                 LanguageCounts& counts) {
  // Counts per language in the bytes of one word, moved to `counts` every 255 words, before a
  // byte can overflow.
  for (std::size_t begin = 0; begin < words.size(); begin += kMaxLanedWords) {
    const std::size_t end = std::min(words.size(), begin + kMaxLanedWords);
    add_byte_counts(count_lanes<kPadded>(words, hashes, plain, begin, end), counts);
  }
}

}  // namespace

void count_stop_words(std::span<const std::string_view> words, std::span<const std::uint64_t> hashes, bool plain,
                      LanguageCounts& counts) {
  count_words<false>(words, hashes, plain, counts);
}

void count_padded_stop_words(std::span<const std::string_view> words, std::span<const std::uint64_t> hashes, bool plain,
                             LanguageCounts& counts) {
  count_words<true>(words, hashes, plain, counts);
}

std::uint64_t count_padded_stop_word_lanes(std::span<const std::string_view> words,
                                          std::span<const std::uint64_t> hashes, bool plain) {
  return count_lanes<true>(words, hashes, plain, 0, words.size());
}

StopWordSlots stop_word_slots() { return table().slots(); }

}  // namespace newsdedup
