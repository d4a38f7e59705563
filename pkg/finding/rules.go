package finding

// Rule ids are stable: users filter on them and SARIF publishes them.
const (
	// Reading and parsing.
	RuleUnreadable    = "unreadable"
	RuleNotAFile      = "not-a-file"
	RuleSymlink       = "symlink"
	RuleTooLarge      = "too-large"
	RuleTooManyFiles  = "too-many-files"
	RuleEncoding      = "encoding"
	RuleEmptyFile     = "empty-file"
	RuleYAMLSyntax    = "yaml-syntax"
	RuleMultiDocument = "multi-document"
	RuleAlias         = "yaml-alias"
	RuleTooDeep       = "too-deep"
	RuleDuplicateKey  = "duplicate-key"
	RuleKeyType       = "key-type"

	// Schema.
	RuleRequired    = "required-field"
	RuleUnknownKey  = "unknown-key"
	RuleType        = "wrong-type"
	RuleValue       = "invalid-value"
	RuleEmptyValue  = "empty-value"
	RuleSchemaOther = "schema"

	// Beyond the schema.
	RuleFileName          = "file-name"
	RuleEvaluationFile    = "evaluation-file"
	RuleEvaluationID      = "evaluation-id"
	RuleDuplicateNumber   = "duplicate-number"
	RuleReasons           = "reasons-required"
	RuleActionsRequired   = "actions-required"
	RuleInvalidDate       = "invalid-date"
	RuleCompletedOpenStep = "completed-open-steps"
	RuleUnfilled          = "unfilled"
	RulePlaceholder       = "placeholder"
	RuleModeline          = "modeline"

	// Characters; last, so the catalogue's SARIF indexes stay put.
	RuleControlCharacter = "control-character"
	RuleLineBreak        = "line-break"
	// Format v2: dates that have not happened, completion and validation,
	// several deadlines.
	RuleFutureDate      = "future-date"
	RuleCompletedOn     = "completed-on"
	RuleVerification    = "verification-not-completed"
	RuleStepAfterAction = "step-after-action"
	RuleDeadlinesDue    = "deadlines-due"
	RuleDeadlinesOrder  = "deadlines-order"
	// RuleRedated: a due date moved with no recorded extension.
	RuleRedated = "unrecorded-extension"
	// RuleAcceptedNoEvidence: validated with no evidence listed.
	RuleAcceptedNoEvidence = "accepted-without-evidence"
	// owners.yaml against the records, and the CODEOWNERS made from it.
	RuleOwnerUnknown    = "owner-unknown"
	RuleOwnerUnused     = "owner-unused"
	RuleOwnerDuplicate  = "owner-duplicate"
	RuleCodeownersStale = "codeowners-stale"
)

// RuleInfo describes a rule for help texts and SARIF.
type RuleInfo struct {
	ID          string
	Severity    Severity
	Description string
}

// Rules is the catalogue of every rule mrtrack reports, in a stable order.
var Rules = []RuleInfo{
	{RuleUnreadable, Error, "The file could not be read."},
	{RuleNotAFile, Error, "A path ending in .yaml or .yml is not a regular file (a directory, a FIFO, a device)."},
	{RuleSymlink, Error, "A symbolic link loops or points outside the data folder; it is not followed."},
	{RuleTooLarge, Error, "The file is larger than mrtrack reads (see the documented limits)."},
	{RuleTooManyFiles, Error, "More record files than mrtrack reads in one run."},
	{RuleEncoding, Error, "The file is not UTF-8 text (invalid bytes, NUL bytes, UTF-16 or UTF-32)."},
	{RuleEmptyFile, Error, "The file holds no YAML document."},
	{RuleYAMLSyntax, Error, "The file is not well-formed YAML."},
	{RuleMultiDocument, Error, "The file holds more than one YAML document; a record file holds exactly one."},
	{RuleAlias, Error, "YAML anchors and aliases are not allowed in records: write each value out."},
	{RuleTooDeep, Error, "The document nests deeper than any record can."},
	{RuleDuplicateKey, Error, "A mapping has the same key twice; YAML parsers disagree on which value wins."},
	{RuleKeyType, Error, "A mapping key is not a plain string."},
	{RuleRequired, Error, "A required field is missing."},
	{RuleUnknownKey, Error, "A key the schema does not define (often a typo)."},
	{RuleType, Error, "A value has the wrong type (a list where text is expected, and so on)."},
	{RuleValue, Error, "A value is not one the schema allows (an unknown status, a malformed date, ...)."},
	{RuleEmptyValue, Error, "A value that must not be empty is empty."},
	{RuleSchemaOther, Error, "Another JSON-schema constraint is not met."},
	{RuleFileName, Error, "A file's name does not match its content or the naming convention (evaluation.yaml, rec-NN.yaml)."},
	{RuleEvaluationFile, Error, "An evaluation folder must hold exactly one evaluation.yaml."},
	{RuleEvaluationID, Error, "The evaluation's id must equal its folder's name."},
	{RuleDuplicateNumber, Error, "Two recommendations, actions or steps share a number."},
	{RuleReasons, Error, "A partially-agree or disagree response must give its reasons."},
	{RuleActionsRequired, Error, "An agreed or partially agreed recommendation must list at least one action."},
	{RuleInvalidDate, Error, "A date is not a real calendar day (2024-02-30)."},
	{RuleCompletedOpenStep, Warning, "An action is completed while some of its steps are not."},
	{RuleUnfilled, Error, "A field still holds the TODO text that mrtrack new wrote: fill it in."},
	{RulePlaceholder, Warning, "Template placeholder text is left in a field."},
	{RuleModeline, Warning, "The file does not start with the yaml-language-server $schema modeline that lets editors validate it."},
	{RuleControlCharacter, Error, "Record text holds a control character (ESC, BEL, FF, DEL, C1 controls ...) or a non-character, raw or written as an escape."},
	{RuleLineBreak, Error, "A line break other than LF or CRLF (a lone CR, NEL, LS, PS): YAML counts it, git and editors do not."},
	{RuleFutureDate, Error, "A day that has not happened yet (after today or --as-of): updated, completed_on, verification.on, met_on or an extension's on."},
	{RuleCompletedOn, Error, "completed_on on an item that is not completed, or before the day it was added."},
	{RuleVerification, Error, "An accepted verification on an item that is not completed: the evaluation office validates completions only."},
	{RuleStepAfterAction, Warning, "A step falls due after its action: the action cannot be done before it."},
	{RuleDeadlinesDue, Error, "An item with several deadlines whose due is not the first deadline not met."},
	{RuleDeadlinesOrder, Error, "An item's deadlines are not in order, or one is met while an earlier one is not."},
	{RuleRedated, Warning, "A due date differs from original_due (or where the first extension started) with no recorded extension ending at it: re-dated without a recorded reason."},
	{RuleAcceptedNoEvidence, Warning, "The evaluation office accepted a completion that lists no evidence."},
	{RuleOwnerUnknown, Warning, "An action's owner is not listed in owners.yaml (checked only when the data folder has one)."},
	{RuleOwnerUnused, Warning, "An owners.yaml entry owns no action in the records."},
	{RuleOwnerDuplicate, Error, "owners.yaml lists the same owner twice (names compared ignoring case and accents)."},
	{RuleCodeownersStale, Warning, ".github/CODEOWNERS differs from what mrtrack codeowners makes of owners.yaml and the records."},
}

// Info returns the description of rule id, or false when it is unknown.
func Info(id string) (RuleInfo, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return RuleInfo{}, false
}
