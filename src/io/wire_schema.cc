#include "io/wire_schema.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

namespace contactplan::io {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// Builds schemas under one lock; every schema ever built lives in `built` for good, so the
// pointers between schemas (and those handed out) never dangle.
class WireSchemaBuilder {
 public:
  const WireSchema& Get(const Descriptor* message) {
    std::lock_guard<std::mutex> lock(mutex_);
    const WireSchema& schema = Build(message);
    MarkStrings();
    return schema;
  }

 private:
  const WireSchema& Build(const Descriptor* message) {
    auto [it, inserted] = built_.try_emplace(message);
    if (!inserted) return *it->second;
    it->second = std::make_unique<WireSchema>();
    WireSchema& schema = *it->second;  // stored before its fields: recursive types find it
    fresh_.push_back(&schema);
    int max_number = 0;
    for (int i = 0; i < message->field_count(); ++i) {
      max_number = std::max(max_number, message->field(i)->number());
    }
    schema.by_number_.resize(std::min(max_number, WireSchema::kMaxNumber) + 1,
                             {nullptr, nullptr, false});
    schema.slots_ = schema.by_number_.size();
    for (int i = 0; i < message->field_count(); ++i) {
      const FieldDescriptor* field = message->field(i);
      if (field->number() > WireSchema::kMaxNumber) continue;
      schema.by_number_[field->number()] = WireSchema::Field{
          field,
          field->type() == FieldDescriptor::TYPE_MESSAGE ? &Build(field->message_type()) : nullptr,
          field->type() == FieldDescriptor::TYPE_STRING &&
              field->file()->syntax() == google::protobuf::FileDescriptor::SYNTAX_PROTO3};
    }
    return schema;
  }

  // holds_strings of the schemas this Get built, to a fixed point: types may be recursive, so one
  // pass in build order is not enough. Every type a fresh schema reaches is either fresh too or was
  // settled by an earlier Get, so schemas already handed out are never written again (other
  // threads read them without the lock).
  void MarkStrings() {
    for (WireSchema* schema : fresh_) {
      for (const WireSchema::Field& field : schema->by_number_) schema->holds_strings_ |= field.utf8;
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (WireSchema* schema : fresh_) {
        if (schema->holds_strings_) continue;
        for (const WireSchema::Field& field : schema->by_number_) {
          if (field.message != nullptr && field.message->holds_strings_) {
            schema->holds_strings_ = changed = true;
            break;
          }
        }
      }
    }
    fresh_.clear();
  }

  std::mutex mutex_;
  std::map<const Descriptor*, std::unique_ptr<WireSchema>> built_;
  std::vector<WireSchema*> fresh_;  // built by the current Get, holds_strings not yet settled
};

const WireSchema& WireSchema::For(const Descriptor* message) {
  static WireSchemaBuilder* const builder = new WireSchemaBuilder();  // never destroyed: see above
  return builder->Get(message);
}

}  // namespace contactplan::io
