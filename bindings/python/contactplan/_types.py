"""Type aliases of the public API: what the Engine's methods accept. For type checkers and readers;
nothing here runs at analysis time."""

import datetime
import os
from typing import Any, Dict, Union

from google.protobuf import timestamp_pb2

from contactplan.v1 import options_pb2
from contactplan.v1 import plan_pb2

# A plan: a Plan message, serialized bytes (binary unless `format` says otherwise), a dict or JSON
# string in the protobuf JSON mapping, or a path (format from the extension).
PlanInput = Union[plan_pb2.Plan, bytes, bytearray, memoryview, Dict[str, Any], str, os.PathLike]

# EngineOptions in any of the forms a plan may take (a message, bytes, dict, JSON string, path).
EngineOptionsInput = Union[options_pb2.EngineOptions, bytes, Dict[str, Any], str, os.PathLike,
                           None]

# "Now" for an analysis: a datetime (naive means UTC), a date (midnight UTC), an RFC 3339 string or
# date, a Timestamp, or seconds since the epoch; None for the plan's own time.
AsOf = Union[datetime.datetime, datetime.date, str, timestamp_pb2.Timestamp, int, float, None]
