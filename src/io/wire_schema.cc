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
    return Build(message);
  }

 private:
  const WireSchema& Build(const Descriptor* message) {
    auto [it, inserted] = built_.try_emplace(message);
    if (!inserted) return *it->second;
    it->second = std::make_unique<WireSchema>();
    WireSchema& schema = *it->second;  // stored before its fields: recursive types find it
    int max_number = 0;
    for (int i = 0; i < message->field_count(); ++i) {
      max_number = std::max(max_number, message->field(i)->number());
    }
    schema.by_number_.resize(std::min(max_number, WireSchema::kMaxNumber) + 1,
                             {nullptr, nullptr, false});
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

  std::mutex mutex_;
  std::map<const Descriptor*, std::unique_ptr<WireSchema>> built_;
};

const WireSchema& WireSchema::For(const Descriptor* message) {
  static WireSchemaBuilder* const builder = new WireSchemaBuilder();  // never destroyed: see above
  return builder->Get(message);
}

}  // namespace contactplan::io
