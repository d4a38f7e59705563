package gen

import (
	"strings"
)

// lang holds the words one language's records are written with. Prose is
// assembled from fragments that read like management responses, so lengths,
// accents and punctuation resemble real files without copying any.
type lang struct {
	code      string
	verbs     []string // imperative or nominal openings
	objects   []string
	qualifies []string
	partners  []string
	closers   []string
	progress  []string
	reasons   []string
	titles    []string // evaluation title patterns, %s is the country
	months    []string
	// source wording of statuses and undated dues, kept in *_text fields
	statusWords map[string][]string
	continuous  []string
	recurring   []string
	conditional []string
	unknown     []string
	yearEnd     string // "fin %d" or "end of %d"
}

var french = lang{
	code: "fr",
	verbs: []string{
		"Renforcer", "Développer", "Mettre en œuvre", "Élaborer", "Améliorer", "Consolider", "Promouvoir",
		"Harmoniser", "Accompagner", "Favoriser", "Rendre opérationnel", "Réviser", "Étendre", "Systématiser",
	},
	objects: []string{
		"la stratégie de mobilisation des ressources", "le monitoring des mouvements mixtes",
		"la coordination avec les acteurs de développement", "le système de gestion de l'information",
		"l'analyse des besoins de protection", "la programmation conjointe avec les agences des Nations Unies",
		"le mécanisme de référencement des personnes à besoins spécifiques", "la stratégie pluriannuelle des moyens d'existence",
		"l'accès à la documentation civile", "les capacités des partenaires de mise en œuvre",
		"la réponse en matière de violences basées sur le genre", "l'inclusion des réfugiés dans les systèmes nationaux",
		"la redevabilité envers les populations affectées", "le suivi post-distribution de l'assistance en espèces",
	},
	qualifies: []string{
		"au niveau national, régional et local", "en lien avec la stratégie régionale", "dans les zones de retour",
		"en concertation avec le gouvernement", "pour les personnes déplacées internes et les réfugiés",
		"dans une approche centrée sur les communautés", "sur la base des leçons apprises de l'évaluation",
		"dès la phase de conception jusqu'à la remise des ouvrages", "en tenant compte des contraintes sécuritaires",
	},
	partners: []string{
		"l'OIM", "le PNUD", "l'UNICEF", "le PAM", "la Banque mondiale", "les ONG nationales",
		"la Direction nationale du développement social", "la Commission nationale chargée des réfugiés",
		"les autorités locales", "le Bureau du Coordonnateur résident", "les bailleurs de fonds",
	},
	closers: []string{
		"afin d'assurer la pérennité des acquis", "pour une meilleure appropriation par les services techniques",
		"afin de collecter des fonds supplémentaires", "en vue de solutions durables", "pour éviter les doublons",
		"conformément aux textes existants", "afin de renforcer la cohésion sociale",
	},
	progress: []string{
		"Des rencontres ont été organisées avec", "Un atelier de validation a eu lieu avec",
		"Les termes de référence ont été partagés avec", "Une note conceptuelle a été soumise à",
		"Le document est en cours de finalisation avec", "Une mission conjointe a été conduite avec",
	},
	reasons: []string{
		"Les ressources disponibles ne permettent pas de couvrir l'ensemble des régions.",
		"Cette recommandation relève en partie du mandat d'autres agences.",
		"Le contexte sécuritaire limite l'accès aux zones concernées.",
		"La direction estime que le dispositif actuel répond déjà à cette préoccupation.",
	},
	titles: []string{
		"Évaluation de la stratégie de pays %s", "Évaluation de la réponse du HCR à la situation d'urgence au %s",
		"Évaluation de l'approche des solutions durables au %s", "Évaluation conjointe de la protection de l'enfance au %s",
	},
	months: []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	statusWords: map[string][]string{
		"not-started":          {"Planifié", "Plannifié", "Non démarré"},
		"in-progress":          {"En cours", "En cours de réalisation", "Le document est en cours de finalisation"},
		"completed":            {"Réalisé", "Déjà réalisé", "Clôturé"},
		"ongoing":              {"Continu", "En continu", "De manière régulière"},
		"no-longer-applicable": {"Abandonné", "Sans objet"},
	},
	continuous:  []string{"Continu", "En continu", "De manière régulière"},
	recurring:   []string{"Tous les six mois", "Chaque trimestre", "Annuellement"},
	conditional: []string{"Conditionnés par la disponibilité des financements", "En fonction de l'élaboration du nouveau plan", "Selon l'évolution de la situation sécuritaire"},
	unknown:     []string{"", "À déterminer", "NA"},
	yearEnd:     "fin %d",
}

var english = lang{
	code: "en",
	verbs: []string{
		"Strengthen", "Develop", "Implement", "Establish", "Improve", "Consolidate", "Promote",
		"Harmonise", "Support", "Expand", "Operationalise", "Review", "Systematise", "Mainstream",
	},
	objects: []string{
		"the resource mobilisation strategy", "the monitoring of mixed movements",
		"coordination with development actors", "the information management system",
		"the analysis of protection needs", "joint programming with United Nations agencies",
		"the referral pathway for persons with specific needs", "the multi-year livelihoods strategy",
		"access to civil documentation", "the capacity of funded partners",
		"the response to gender-based violence", "the inclusion of refugees in national systems",
		"accountability to affected people", "post-distribution monitoring of cash assistance",
	},
	qualifies: []string{
		"at national, regional and local level", "in line with the regional strategy", "in areas of return",
		"in consultation with the government", "for internally displaced people and refugees",
		"through a community-based approach", "building on the lessons of the evaluation",
		"from design to the handover of infrastructure", "taking security constraints into account",
	},
	partners: []string{
		"IOM", "UNDP", "UNICEF", "WFP", "the World Bank", "national NGOs",
		"the Ministry of Social Development", "the National Refugee Commission",
		"local authorities", "the Resident Coordinator's Office", "donors",
	},
	closers: []string{
		"to make the gains sustainable", "so that technical services take ownership",
		"to raise additional funds", "towards durable solutions", "to avoid duplication",
		"in line with existing regulations", "to strengthen social cohesion",
	},
	progress: []string{
		"Meetings were held with", "A validation workshop took place with",
		"Terms of reference were shared with", "A concept note was submitted to",
		"The document is being finalised with", "A joint mission was conducted with",
	},
	reasons: []string{
		"Available resources do not allow all regions to be covered.",
		"This recommendation falls partly under the mandate of other agencies.",
		"The security situation limits access to the areas concerned.",
		"Management considers that the current arrangements already address this concern.",
	},
	titles: []string{
		"Evaluation of the country strategy for %s", "Evaluation of UNHCR's emergency response in %s",
		"Evaluation of the durable solutions approach in %s", "Joint evaluation of child protection in %s",
	},
	months: []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	statusWords: map[string][]string{
		"not-started":          {"Planned", "Not started"},
		"in-progress":          {"In progress", "Under way", "Partially implemented"},
		"completed":            {"Completed", "Implemented", "Closed"},
		"ongoing":              {"Ongoing", "Continuous", "Regularly"},
		"no-longer-applicable": {"No longer applicable", "Superseded"},
	},
	continuous:  []string{"Continuous", "Ongoing", "On a regular basis"},
	recurring:   []string{"Every six months", "Quarterly", "Annually"},
	conditional: []string{"Subject to the availability of funding", "Depending on the new cooperation framework", "Subject to the security situation"},
	unknown:     []string{"", "To be determined", "NA"},
	yearEnd:     "end of %d",
}

var (
	countries = []string{
		"Mali", "Niger", "Burkina Faso", "Tchad", "Cameroun", "Éthiopie", "Soudan du Sud", "Ouganda",
		"Kenya", "Jordanie", "Liban", "Bangladesh", "Colombie", "Équateur", "Afghanistan", "Mozambique",
	}
	units = []string{
		"Protection", "Programme", "External Relations", "Supply", "Human Resources", "Information Management",
		"Durable Solutions", "Field Office Mopti", "Field Office Gao", "Regional Bureau", "Representative",
		"Public Health", "Education", "Shelter and Settlements", "Cash-Based Interventions", "Partnership Management",
	}
	people = []string{
		"Amina Diallo", "Jean-Baptiste Koné", "Sarah O'Neill", "Ngozi Okafor", "Hélène Marchand", "Carlos Ruiz",
		"Fatoumata Traoré", "Pieter van Dijk", "Leïla Haddad", "Tomás Ferreira", "Mariam Sow", "Kofi Mensah",
	}
	posts = []string{
		"Senior Operations Officer", "Deputy Representative", "Representative", "Regional Bureau Director",
		"Senior Programme Officer", "Head of Evaluation Service",
	}
	offices = []string{"RB WCA", "RB EHAGL", "RB MENA", "RB Asia and the Pacific", "RB Americas", "HQ Geneva"}
)

// sentence is one sentence of recommendation or action prose.
func (g *generator) sentence(l *lang) string {
	s := pick(g, l.verbs) + " " + pick(g, l.objects) + " " + pick(g, l.qualifies)
	if g.chance(0.6) {
		s += ", " + andWord(l) + " " + pick(g, l.partners)
	}
	if g.chance(0.5) {
		s += ", " + pick(g, l.closers)
	}
	return s + "."
}

func andWord(l *lang) string {
	if l.code == "fr" {
		return "avec"
	}
	return "with"
}

// title is a headline: one sentence without its full stop, clipped as
// people clip them.
func (g *generator) title(l *lang) string {
	s := pick(g, l.verbs) + " " + pick(g, l.objects)
	if g.chance(0.5) {
		s += " " + pick(g, l.qualifies)
	}
	return s
}

// paragraphs is Markdown prose: n paragraphs of a few sentences, sometimes
// with a bullet list, as recommendation texts are written.
func (g *generator) paragraphs(l *lang, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if i > 0 && g.chance(0.25) {
			for j := range 2 + g.intn(3) {
				if j > 0 {
					b.WriteString("\n")
				}
				b.WriteString("- " + g.sentence(l))
			}
			continue
		}
		for j := range 2 + g.intn(3) {
			if j > 0 {
				b.WriteString(" ")
			}
			b.WriteString(g.sentence(l))
		}
	}
	return b.String() + "\n"
}

func (g *generator) progressText(l *lang) string {
	s := pick(g, l.progress) + " " + pick(g, l.partners) + "."
	if g.chance(0.5) {
		s += " " + g.sentence(l)
	}
	return s
}
