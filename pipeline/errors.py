"""Errors raised at the pipeline's boundaries, each with a code and a one-line message."""

from __future__ import annotations


class VnieError(Exception):
    """Base class: ``code`` is stable for scripts, ``str(err)`` is for people."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputError(VnieError):
    """An article that cannot be read: missing, empty, binary or undecodable."""

    code = "E100"


class MissingInputError(InputError):
    code = "E101"


class EmptyInputError(InputError):
    code = "E102"


class BinaryInputError(InputError):
    code = "E103"


class DecodeError(InputError):
    code = "E104"


class InputTooLargeError(InputError):
    code = "E105"


class NoArticlesError(InputError):
    code = "E106"


class MalformedInputError(InputError):
    """A JSONL line or CSV row that is not a well-formed object/row."""

    code = "E110"


class MissingFieldError(InputError):
    """A JSONL object or CSV row without its text (or id) field."""

    code = "E111"


class UnreadableInputError(InputError):
    """An input file that exists but cannot be read (permissions, I/O error)."""

    code = "E112"


class InputInsideOutputError(InputError):
    """An input named inside the batch run's own output directory."""

    code = "E113"


class MalformedHtmlError(MalformedInputError):
    """An HTML page the parser cannot read."""

    code = "E114"


class ResourceError(VnieError):
    """A lexicon or pattern file under ``pipeline/resources`` is malformed."""

    code = "E200"


class RecordError(VnieError):
    """A record file that cannot be read as JSON."""

    code = "E300"


class GoldError(VnieError):
    """A gold annotation file that does not match its text or the guide."""

    code = "E400"


class BatchError(VnieError):
    """A batch run that cannot start: OUT locked, made with other options, or corrupt."""

    code = "E500"


class ConvertError(GoldError):
    """An annotation file in another format (brat, doccano, Label Studio, CoNLL) that cannot
    be read; the message names the file (and line, task or annotation)."""

    code = "E410"
