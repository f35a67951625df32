"""The contactplan.v1 schema: protobuf modules generated at build time from proto/contactplan/v1."""
