// Releases (docs/recommendations.md#releases): where a person is covered beyond what the account
// needs, which team members can step back and the effort that frees.
#ifndef CONTACTPLAN_SRC_RECOMMEND_RELEASES_H_
#define CONTACTPLAN_SRC_RECOMMEND_RELEASES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"
#include "model/id_views.h"

namespace contactplan::recommend {

// The releases worked out but not yet written: one 24-byte row per release and, for each person
// released from, the opening every one of their reasons shares. They are written either as
// messages (WriteTo) or straight as the bytes of Recommendations' releases field (WireSize,
// WriteWire): a large account has tens of thousands of releases, each with a sentence of about 160
// bytes (29,202 on the 10,000 x 500 account: 4.8 MB of text as messages), and the C ABI writes a
// binary analysis with their bytes spliced in (engine/analysis_bytes.h). Both give the same
// releases, byte for byte once serialized.
//
// Two cases, persons in plan order, relationships in plan order within a person:
// - more than settings.over_covered_above graded relationships: the best ones are kept (highest
//   grade, then the member's seniority fit, then plan order) up to that number, and every other
//   holder can step back, freeing the upkeep of their grade;
// - a current relationship level above the desired one (both stated): every holder above the grade
//   the desired level asks for (GradeForLevel) can step back to it, freeing the difference in
//   upkeep (the best such relationship is kept when the desired grade is below SATISFIED's upkeep).
// A member who owns a key intersection with the person is never released from them. Releases
// with no effort freed are left out.
//
// The rows name the plan's ids by view: they are valid while the plan they were worked out from
// lives (the index may go).
class ReleaseRows {
 public:
  ReleaseRows(const model::Context& context,
              const google::protobuf::RepeatedPtrField<v1::KeyIntersection>& key_intersections);

  size_t size() const { return rows_.size(); }

  // Appends the releases to `*releases`, built where it lives.
  void WriteTo(google::protobuf::RepeatedPtrField<v1::Release>* releases) const;

  // The bytes of Recommendations' field `releases` holding these releases (each entry's tag,
  // length and Release message), exactly as protobuf's serialization of WriteTo's messages writes
  // them.
  size_t WireSize() const;
  // Writes those WireSize() bytes at `target`; returns the end.
  uint8_t* WriteWire(uint8_t* target) const;

 private:
  // A person released from and what each of their releases' reasons says first.
  struct Person {
    model::PersonIx person;
    std::string opening;
  };
  // 24 bytes.
  struct Row {
    uint32_t person;  // into persons_
    model::MemberIx member;
    uint8_t grade;     // v1::Grade held
    uint8_t eased_to;  // v1::Grade the member may let it ease to; 0: steps back (over-covered)
    uint8_t freed_text;  // into freed_texts_
    double freed;
  };
  static_assert(sizeof(Row) == 24);

  // Calls `piece(std::string_view)` with the parts of the row's reason, in order.
  template <typename Piece>
  void ReasonPieces(const Row& row, Piece&& piece) const;
  size_t ReasonSize(const Row& row) const;
  size_t BodySize(const Row& row, size_t reason_size) const;

  std::vector<Row> rows_;
  std::vector<Person> persons_;
  model::IdViews ids_;
  std::vector<std::string> member_labels_;  // written for the members some release names
  // The effort freed as the reasons write it, once per value: it depends only on the grade held and
  // the grade eased to, so there are a few dozen at most (formatting each number again was a fifth
  // of the work).
  std::vector<std::string> freed_texts_;
};

// ReleaseRows(context, key_intersections).WriteTo(releases).
void ProposeReleases(const model::Context& context,
                     const google::protobuf::RepeatedPtrField<v1::KeyIntersection>& key_intersections,
                     google::protobuf::RepeatedPtrField<v1::Release>* releases);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_RELEASES_H_
