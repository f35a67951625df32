// Test helper: compare two messages and, on a difference, say which fields differ.
#ifndef CONTACTPLAN_TESTS_IO_PROTO_EQUALS_H_
#define CONTACTPLAN_TESTS_IO_PROTO_EQUALS_H_

#include <string>

#include "google/protobuf/message.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace contactplan::testing {

// Use as EXPECT_TRUE(ProtoEquals(expected, actual)). Unknown fields are compared too.
inline ::testing::AssertionResult ProtoEquals(const google::protobuf::Message& expected,
                                              const google::protobuf::Message& actual) {
  std::string differences;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&differences);
  if (differencer.Compare(expected, actual)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "messages differ:\n" << differences;
}

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_IO_PROTO_EQUALS_H_
