package report

import (
	"github.com/mrtrack/mrtrack/pkg/model"
)

// The words of the report outputs, in both languages.
var (
	wTitle            = Text{"Follow-up report", "Rapport de suivi"}
	wAsOf             = Text{"Situation on", "Situation au"}
	wPeriod           = Text{"Reporting period", "Période"}
	wSummary          = Text{"Headline figures", "Chiffres clés"}
	wIndicator        = Text{"Indicator", "Indicateur"}
	wValue            = Text{"Value", "Valeur"}
	wFormula          = Text{"Formula", "Formule"}
	wEvaluations      = Text{"Per evaluation", "Par évaluation"}
	wEvaluation       = Text{"Evaluation", "Évaluation"}
	wBreakdown        = Text{"Breakdown by %s", "Répartition par %s"}
	wProgress         = Text{"Progress per recommendation", "Avancement par recommandation"}
	wOverdueOwner     = Text{"Overdue actions by owner", "Actions en retard par responsable"}
	wAgeing           = Text{"Ageing of overdue actions", "Ancienneté des retards"}
	wTrend            = Text{"Quarterly trend", "Évolution trimestrielle"}
	wRedated          = Text{"Re-dated actions", "Actions dont l'échéance a été repoussée"}
	wClosed           = Text{"Completed in the period", "Réalisées dans la période"}
	wActions          = Text{"All actions", "Toutes les actions"}
	wRec              = Text{"Rec.", "Rec."}
	wTitleCol         = Text{"Title", "Intitulé"}
	wAction           = Text{"Action", "Action"}
	wOwner            = Text{"Owner", "Responsable"}
	wDue              = Text{"Due", "Échéance"}
	wStatus           = Text{"Status", "Statut"}
	wDaysOverdue      = Text{"Days overdue", "Jours de retard"}
	wActionsCol       = Text{"Actions", "Actions"}
	wOverdueCol       = Text{"Overdue", "En retard"}
	wImplemented      = Text{"Implemented", "Mise en œuvre"}
	wBucket           = Text{"Days overdue", "Jours de retard"}
	wQuarter          = Text{"Quarter", "Trimestre"}
	wQuarterEnd       = Text{"Quarter end", "Fin du trimestre"}
	wCommit           = Text{"Commit", "Commit"}
	wOpenCol          = Text{"Open", "En cours"}
	wFirstDue         = Text{"First due", "Échéance initiale"}
	wMoves            = Text{"Moves", "Reports"}
	wDaysMoved        = Text{"Days moved", "Jours de report"}
	wWithReason       = Text{"With reason", "Avec motif"}
	wCompletedOn      = Text{"Completed on", "Réalisée le"}
	wSource           = Text{"Source", "Source"}
	wFromRecord       = Text{"completed_on", "completed_on"}
	wFromCommit       = Text{"inferred from commit %s", "déduit du commit %s"}
	wResponseDue      = Text{"Response due", "Réponse attendue le"}
	wApproved         = Text{"Approved", "Approuvée le"}
	wDaysLate         = Text{"Days late", "Jours de retard"}
	wRecs             = Text{"Recommendations", "Recommandations"}
	wGroup            = Text{"Group", "Groupe"}
	wNone             = Text{"None.", "Aucune."}
	wNoHistory        = Text{"No git history was read (not a git checkout): the trend and the completion days commits would give are missing.", "L'historique git n'a pas été lu (pas un dépôt git) : l'évolution trimestrielle et les dates de réalisation déduites des commits manquent."}
	wNoTrend          = Text{"No quarter has ended since the first commit of the data.", "Aucun trimestre ne s'est achevé depuis le premier commit des données."}
	wInferredNote     = Text{"Completion days inferred from the commit that set the status to completed (the record has no completed_on): %d.", "Dates de réalisation déduites du commit qui a passé le statut à réalisé (le dossier n'a pas de completed_on) : %d."}
	wUnknownNote      = Text{"Completed actions due in the period with no known completion day, not counted as completed in it: %d.", "Actions réalisées échues dans la période sans date de réalisation connue, non comptées comme réalisées dans la période : %d."}
	wRespMix          = Text{"agree: %d; partially agree: %d; disagree: %d; not stated: %d", "acceptées : %d ; partiellement acceptées : %d ; rejetées : %d ; non indiquées : %d"}
	wOpenSplit        = Text{"%d (past due: %d; not yet due: %d; no date: %d)", "%d (en retard : %d ; pas encore échues : %d ; sans date : %d)"}
	wSelfColon        = Text{": ", " : "}
	wAcceptShort      = Text{"Acceptance", "Acceptation"}
	wImplementedShort = Text{"Implemented", "Mise en œuvre"}
	wClosureShort     = Text{"Closure", "Clôture"}
	wRedatedShort     = Text{"Re-dated", "Repoussées"}
	wSep              = Text{"; ", " ; "}
	wSelfReported     = Text{"%s; %d self-reported", "%s ; %d déclarées par la direction"}
	wRevisionsValue   = Text{"re-dated actions: %d; moves: %d; days moved: %d; moves with a recorded reason: %d, without: %d", "actions repoussées : %d ; reports : %d ; jours de report : %d ; reports avec motif enregistré : %d, sans : %d"}
	wClosureValue     = Text{"%s (%s)", "%s (%s)"}
	wTotal            = Text{"Total", "Total"}
	wDaysUnit         = Text{"d", "j"}
	wEarly            = Text{"early", "en avance"}
)

var statusWords = map[model.Status]Text{
	model.NotStarted:         {"Not started", "Non commencée"},
	model.InProgress:         {"In progress", "En cours"},
	model.Completed:          {"Completed", "Réalisée"},
	model.Ongoing:            {"Ongoing", "Continue"},
	model.NoLongerApplicable: {"No longer applicable", "Sans objet"},
}

// StatusWord is a status in the report's language.
func (l Lang) StatusWord(s model.Status) string { return statusWords[s].In(l) }

var groupingWords = map[Grouping]Text{
	ByUnit: {"unit", "unité"}, ByOwner: {"owner", "responsable"}, ByPriority: {"priority", "priorité"}, ByTag: {"tag", "thème"},
}

var dueWords = map[model.DueKind]Text{
	model.DueContinuous:  {"continuous", "en continu"},
	model.DueConditional: {"conditional", "conditionnelle"},
	model.DueUnknown:     {"unknown", "inconnue"},
	model.DueRecurring:   {"recurring", "récurrente"},
}

// DueWord writes an action's due date: its deadline as the language writes
// days, or what kind of undated due date it has.
func (l Lang) DueWord(t *model.Tracking) string {
	if end, ok := t.Deadline(); ok {
		return l.Date(end)
	}
	if t.Due.Kind == model.DueRecurring && l == English {
		return t.Due.String()
	}
	return dueWords[t.Current().Kind].In(l)
}

// DueString writes a due date in the record format as DueWord does.
func (l Lang) DueString(s string) string {
	d, err := model.ParseDue(s)
	if err != nil {
		return s
	}
	return l.DueWord(&model.Tracking{Due: d})
}
