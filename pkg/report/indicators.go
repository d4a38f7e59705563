package report

import "strings"

// Definition is one indicator: the key it has in JSON, its name and its
// formula in each language. Each is declared once, here; docs/report.md
// gives the same formulas (TestDefinitionsDocumented) and every output
// names them from here.
type Definition struct {
	Key     string
	Name    Text
	Formula Text
}

// Text is a label in the two report languages.
type Text struct{ EN, FR string }

// In is the text in language l. French puts a no-break space before
// ":", ";" and "%", so a line never starts with one.
func (t Text) In(l Lang) string {
	if l == French {
		return frenchSpaces.Replace(t.FR)
	}
	return t.EN
}

var frenchSpaces = strings.NewReplacer(" :", "\u00a0:", " ;", "\u00a0;", " %", "\u00a0%")

// The indicators, in report order.
var (
	ResponseMix = Definition{"responses",
		Text{"Response mix", "Réponses de la direction"},
		Text{"recommendations by management's response: agree, partially agree, disagree, not stated",
			"recommandations selon la réponse de la direction : acceptée, partiellement acceptée, rejetée, non indiquée"}}
	AcceptanceRate = Definition{"acceptance",
		Text{"Acceptance rate", "Taux d'acceptation"},
		Text{"(agree + partially agree) / recommendations with a stated response",
			"(acceptées + partiellement acceptées) / recommandations dont la réponse est indiquée"}}
	ActionImplementation = Definition{"actions_implemented",
		Text{"Implementation rate (actions)", "Taux de mise en œuvre (actions)"},
		Text{"completed actions / (actions − no longer applicable)",
			"actions réalisées / (actions − sans objet)"}}
	RecommendationImplementation = Definition{"recommendations_implemented",
		Text{"Implementation rate (recommendations)", "Taux de mise en œuvre (recommandations)"},
		Text{"recommendations whose applicable actions are all completed / recommendations with at least one applicable action",
			"recommandations dont toutes les actions applicables sont réalisées / recommandations ayant au moins une action applicable"}}
	ClosureRate = Definition{"closure",
		Text{"Closure rate for the period", "Taux de clôture de la période"},
		Text{"actions completed in the period / actions due in the period × 100",
			"actions réalisées dans la période / actions échues dans la période × 100"}}
	OpenActions = Definition{"open",
		Text{"Open actions", "Actions en cours"},
		Text{"actions neither completed nor no longer applicable: past due, not yet due, no date",
			"actions ni réalisées ni sans objet : échéance dépassée, pas encore échues, sans date"}}
	Ageing = Definition{"ageing",
		Text{"Ageing of overdue actions", "Ancienneté des retards"},
		Text{"overdue actions by days past their deadline: ≤ 90, 91–180, 181–365, > 365",
			"actions en retard selon les jours de retard : ≤ 90, 91–180, 181–365, > 365"}}
	Validation = Definition{"validation",
		Text{"Validated completions", "Réalisations validées"},
		Text{"completed actions the evaluation office accepted / completed actions; the rest are self-reported",
			"actions réalisées validées par le bureau de l'évaluation / actions réalisées ; les autres sont déclarées par la direction"}}
	Revisions = Definition{"revisions",
		Text{"Deadline revisions", "Révisions des échéances"},
		Text{"actions re-dated; moves of their due dates; days moved in all; moves with and without a recorded reason",
			"actions dont l'échéance a été repoussée ; nombre de reports ; jours de report au total ; reports avec et sans motif enregistré"}}
	Timeliness = Definition{"timeliness",
		Text{"Response timeliness", "Ponctualité de la réponse"},
		Text{"management responses approved on or before their due date / responses with both dates",
			"réponses de la direction approuvées au plus tard à leur échéance / réponses dont les deux dates sont connues"}}
	TrendDefinition = Definition{"trend",
		Text{"Quarterly trend", "Évolution trimestrielle"},
		Text{"completed, open and overdue actions at each quarter end, as the quarter's last commit left the records",
			"actions réalisées, en cours et en retard à la fin de chaque trimestre, telles que le dernier commit du trimestre les a laissées"}}
)

// Definitions lists the indicators in report order.
var Definitions = []Definition{ResponseMix, AcceptanceRate, ActionImplementation, RecommendationImplementation,
	ClosureRate, OpenActions, Ageing, Validation, Revisions, Timeliness, TrendDefinition}

// Ratio is a rate with what it is taken from: JSON and tables give both.
type Ratio struct{ Numerator, Denominator int }

// Rate is Numerator / Denominator, false when the denominator is 0.
func (r Ratio) Rate() (float64, bool) {
	if r.Denominator <= 0 {
		return 0, false
	}
	return float64(r.Numerator) / float64(r.Denominator), true
}

// Bucket is an ageing bucket: overdue by From to To days (To 0: no end).
type Bucket struct{ From, To int }

// Buckets are the ageing buckets audit trackers use.
var Buckets = []Bucket{{1, 90}, {91, 180}, {181, 365}, {366, 0}}

// Name is the bucket as a label: "≤ 90", "91–180", "> 365".
func (b Bucket) Name() string {
	switch {
	case b.From <= 1:
		return "≤ " + itoa(b.To)
	case b.To == 0:
		return "> " + itoa(b.From-1)
	}
	return itoa(b.From) + "–" + itoa(b.To)
}

// bucketOf is the index of the bucket of an action days overdue.
func bucketOf(days int) int {
	for i, b := range Buckets {
		if b.To == 0 || days <= b.To {
			return i
		}
	}
	return len(Buckets) - 1
}
