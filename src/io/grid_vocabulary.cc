#include "io/grid_vocabulary.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "contactplan/v1/plan.pb.h"
#include "io/closest_name.h"
#include "io/text_position.h"
#include "io/transliteration.h"
#include "io/csv_reader.h"

namespace contactplan::io {
namespace {

// "a, b or c".
std::string JoinAlternatives(const std::vector<std::string>& words) {
  if (words.size() <= 1) return absl::StrJoin(words, "");
  return absl::StrCat(absl::StrJoin(words.begin(), words.end() - 1, ", "), " or ", words.back());
}

bool IsIdChar(char c) { return absl::ascii_islower(c) || absl::ascii_isdigit(c); }

}  // namespace

std::string NormalizeGridWord(std::string_view text) {
  std::string word(text);
  for (char& c : word) {
    c = (c == ' ' || c == '-') ? '_' : absl::ascii_tolower(c);
  }
  return word;
}

GridVocabulary::GridVocabulary(std::string kind, const google::protobuf::EnumDescriptor* values,
                               std::vector<std::pair<std::string, int>> aliases,
                               bool write_aliases)
    : kind_(std::move(kind)) {
  std::vector<std::string> names;  // highest value first, as the spec lists them
  for (int i = values->value_count() - 1; i >= 0; --i) {
    const google::protobuf::EnumValueDescriptor* value = values->value(i);
    if (value->number() == 0) continue;
    const std::string name = absl::AsciiStrToLower(value->name());
    words_.emplace_back(name, value->number());
    written_.emplace_back(value->number(), name);
    names.push_back(name);
  }
  std::vector<std::string> alias_words;
  for (const auto& [alias, number] : aliases) {
    words_.emplace_back(NormalizeGridWord(alias), number);
    alias_words.push_back(alias);
    if (!write_aliases) continue;
    for (auto& [value, word] : written_) {
      if (value == number) word = alias;
    }
  }
  std::sort(written_.begin(), written_.end());
  hint_words_ = write_aliases && !aliases.empty()
                    ? absl::StrCat("use ", JoinAlternatives(alias_words), " (or ",
                                   JoinAlternatives(names), ")")
                    : absl::StrCat("use ", JoinAlternatives(names));
}

std::optional<int> GridVocabulary::Parse(std::string_view text) const {
  const std::string word = NormalizeGridWord(text);
  for (const auto& [known, value] : words_) {
    if (known == word) return value;
  }
  return std::nullopt;
}

std::optional<std::string> GridVocabulary::Write(int value) const {
  const auto it = std::lower_bound(written_.begin(), written_.end(), std::make_pair(value, std::string()));
  if (it == written_.end() || it->first != value) return std::nullopt;
  return it->second;
}

std::string GridVocabulary::Hint() const {
  return absl::StrCat(hint_words_, ", or leave the cell empty");
}

std::string GridVocabulary::UnknownWordMessage(std::string_view text) const {
  std::vector<std::string> candidates;
  candidates.reserve(words_.size());
  for (const auto& [word, value] : words_) {
    // One-letter aliases would be "close" to every short typo; suggest only full words.
    if (word.size() > 1) candidates.push_back(word);
  }
  return absl::StrCat("unknown ", kind_, " ", Quoted(text),
                      DidYouMean(NormalizeGridWord(text), candidates), ": ", Hint());
}

const GridVocabulary& GradeWords() {
  static const GridVocabulary* const words = new GridVocabulary(
      "grade", v1::Grade_descriptor(),
      {{"T", v1::TRUST},
       {"O", v1::OPEN},
       {"S", v1::SATISFIED},
       {"I", v1::INDIFFERENT},
       {"D", v1::DISSATISFIED},
       {"M", v1::MOTIVATED_TO_CHANGE}},
      /*write_aliases=*/true);
  return *words;
}

std::string_view LevelLabel(int level) {
  switch (level) {
    case v1::EXECUTIVE: return "executive";
    case v1::SENIOR_MANAGEMENT: return "senior mgmt";
    case v1::MIDDLE_MANAGEMENT: return "middle mgmt";
    case v1::OPERATIONAL: return "operational";
    default: return "";
  }
}

const GridVocabulary& LevelWords() {
  static const GridVocabulary* const words = [] {
    // The report's labels are grid words too: a user copies what they read.
    std::vector<std::pair<std::string, int>> labels;
    const google::protobuf::EnumDescriptor* levels = v1::Level_descriptor();
    for (int i = 0; i < levels->value_count(); ++i) {
      const int level = levels->value(i)->number();
      const std::string_view label = LevelLabel(level);
      if (!label.empty() && NormalizeGridWord(label) != absl::AsciiStrToLower(levels->value(i)->name())) {
        labels.emplace_back(std::string(label), level);
      }
    }
    return new GridVocabulary("level", levels, std::move(labels));
  }();
  return *words;
}

const GridVocabulary& BuyerRoleWords() {
  static const GridVocabulary* const words =
      new GridVocabulary("role", v1::Person::BuyerRole_descriptor());
  return *words;
}

const GridVocabulary& RelationshipLevelWords() {
  static const GridVocabulary* const words =
      new GridVocabulary("relationship level", v1::RelationshipLevel_descriptor());
  return *words;
}

const GridVocabulary& RelationshipTypeWords() {
  static const GridVocabulary* const words =
      new GridVocabulary("relationship type", v1::RelationshipType_descriptor());
  return *words;
}

const GridVocabulary& PreferenceWords() {
  static const GridVocabulary* const words =
      new GridVocabulary("preference", v1::Preference_descriptor());
  return *words;
}

const GridVocabulary& BuyingRoleWords() {
  static const GridVocabulary* const words =
      new GridVocabulary("buying role", v1::Participant::BuyingRole_descriptor());
  return *words;
}

std::vector<std::pair<std::string_view, size_t>> SplitRoleList(std::string_view text) {
  std::vector<std::pair<std::string_view, size_t>> roles;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find_first_of(" \t\r\n;", start), text.size());
    if (end > start) roles.emplace_back(text.substr(start, end - start), start);
    start = end + 1;
  }
  return roles;
}

std::optional<bool> ParseYesNo(std::string_view text) {
  const std::string word = NormalizeGridWord(text);
  // Excel writes TRUE and FALSE; people tick a cell with x, or write y, n, 1 or 0.
  for (const char* yes : {"yes", "y", "true", "x", "1"}) {
    if (word == yes) return true;
  }
  for (const char* no : {"no", "n", "false", "0"}) {
    if (word == no) return false;
  }
  return std::nullopt;
}

std::string FallbackPersonId(int column) {
  return absl::StrCat("person-", absl::AsciiStrToLower(ColumnLetters(column)));
}

std::string WriteYesNo(bool value) { return value ? "yes" : "no"; }

std::optional<int> ParseNpsScore(std::string_view text) {
  if (text.empty() || text.size() > 2 || !std::all_of(text.begin(), text.end(), absl::ascii_isdigit)) {
    return std::nullopt;
  }
  int score = 0;
  for (char c : text) score = score * 10 + (c - '0');
  if (score > kMaxNpsScore) return std::nullopt;
  return score;
}

absl::string_view GridAttributeName(GridAttribute attribute) {
  switch (attribute) {
    case GridAttribute::kTitle: return "@title";
    case GridAttribute::kDepartment: return "@department";
    case GridAttribute::kLevel: return "@level";
    case GridAttribute::kRoles: return "@roles";
    case GridAttribute::kKey: return "@key";
    case GridAttribute::kReportsTo: return "@reports_to";
    case GridAttribute::kRelationship: return "@relationship";
    case GridAttribute::kDesiredRelationship: return "@desired_relationship";
    case GridAttribute::kRelationshipType: return "@relationship_type";
    case GridAttribute::kNps: return "@nps";
    case GridAttribute::kBuyingRole: return "@buying_role";
    case GridAttribute::kPreference: return "@preference";
    case GridAttribute::kDesiredPreference: return "@desired_preference";
  }
  return "";
}

std::optional<GridAttribute> ParseGridAttribute(std::string_view text) {
  const std::string word = NormalizeGridWord(text);
  for (GridAttribute attribute : kGridAttributes) {
    if (GridAttributeName(attribute) == word) return attribute;
  }
  return std::nullopt;
}

const std::vector<std::string>& GridAttributeNames() {
  static const std::vector<std::string>* const names = [] {
    auto* all = new std::vector<std::string>;
    for (GridAttribute attribute : kGridAttributes) {
      all->emplace_back(GridAttributeName(attribute));
    }
    return all;
  }();
  return *names;
}

std::string IdFromName(std::string_view name) {
  std::string id;
  bool pending_dash = false;  // a run of other characters since the last letter or digit
  for (char c : TransliterateToAscii(name)) {
    const char lower = absl::ascii_tolower(c);
    if (!IsIdChar(lower)) {
      pending_dash = true;
      continue;
    }
    if (pending_dash && !id.empty()) id.push_back('-');
    pending_dash = false;
    id.push_back(lower);
  }
  return id;
}

}  // namespace contactplan::io
