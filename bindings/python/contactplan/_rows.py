"""Results as plain rows: lists of flat dicts, ready for pandas.DataFrame(rows) or csv.DictWriter.

    contactplan.rows(analysis, "findings")
    contactplan.rows(analysis, "recommendations.key_intersections")
    contactplan.rows(portfolio, "team")
    contactplan.rows(engine.analyze_many(paths), "findings")   # one table over many plans

Keys are the .proto field names; a nested message becomes dotted keys ("priority.score"); repeated
fields stay lists; enums are their names; timestamps RFC 3339 strings; every field is present, at
its default when unset, so every row of a table has the same keys.
"""

from typing import Any, Dict, Iterable, List, Union

from google.protobuf import json_format
from google.protobuf import message as _message
from google.protobuf.descriptor import FieldDescriptor

Row = Dict[str, Any]


def _flatten(prefix: str, value: Dict[str, Any], row: Row) -> None:
    for key, item in value.items():
        name = prefix + key
        if isinstance(item, dict) and item:
            _flatten(name + ".", item, row)
        else:
            row[name] = item


def _in_field_order(descriptor, value: Dict[str, Any]) -> Dict[str, Any]:
    """`value` with its keys in .proto declaration order (MessageToDict puts unset fields last), so
    columns come out in the order the schema documents them."""
    ordered = {}
    for field in descriptor.fields:
        if field.name not in value:
            continue
        item = value[field.name]
        if (field.type == FieldDescriptor.TYPE_MESSAGE and field.label != FieldDescriptor.LABEL_REPEATED
                and isinstance(item, dict)):
            item = _in_field_order(field.message_type, item)
        ordered[field.name] = item
    return ordered


def _row(message: _message.Message) -> Row:
    row: Row = {}
    value = json_format.MessageToDict(message, preserving_proto_field_name=True,
                                      including_default_value_fields=True)
    _flatten("", _in_field_order(message.DESCRIPTOR, value), row)
    return row


def _tables(descriptor, prefix=""):
    """Dotted paths of the message fields under `descriptor` (repeated or not), for messages."""
    paths = []
    for field in descriptor.fields:
        if field.type != FieldDescriptor.TYPE_MESSAGE or field.message_type.GetOptions().map_entry:
            continue
        if field.message_type.full_name.startswith("google.protobuf."):
            continue
        path = prefix + field.name
        paths.append(path)
        if field.label != FieldDescriptor.LABEL_REPEATED:
            paths.extend(_tables(field.message_type, path + "."))
    return paths


def _elements(message: _message.Message, field: str) -> List[_message.Message]:
    current = message
    parts = field.split(".")
    for depth, part in enumerate(parts):
        descriptor = current.DESCRIPTOR.fields_by_name.get(part)
        if descriptor is None or descriptor.type != FieldDescriptor.TYPE_MESSAGE:
            raise ValueError("%s has no table %r; tables: %s" % (
                message.DESCRIPTOR.name, field, ", ".join(_tables(message.DESCRIPTOR))))
        value = getattr(current, part)
        if descriptor.label == FieldDescriptor.LABEL_REPEATED:
            if depth != len(parts) - 1:
                raise ValueError("%r: %s is a list; name it last" % (field, part))
            return list(value)
        current = value
    return [current]


def rows(results: Union[_message.Message, Iterable[_message.Message]], field: str) -> List[Row]:
    """The rows of `field` (a dotted path of .proto names) of an Analysis, a Portfolio or any
    message: one row per element of a repeated field, or one row for a single message field.

    Given several messages (analyze_many's list, say), the rows of each are concatenated and each
    row starts with "plan_index", the message's position. An exception in that list (analyze_many
    with errors="return") is skipped. Raises ValueError naming the tables there are when `field`
    names none.
    """
    if isinstance(results, _message.Message):
        return [_row(element) for element in _elements(results, field)]
    table: List[Row] = []
    for index, result in enumerate(results):
        if isinstance(result, BaseException):
            continue
        for element in _elements(result, field):
            row: Row = {"plan_index": index}
            row.update(_row(element))
            table.append(row)
    return table
