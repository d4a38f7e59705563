package docxfixture

// English builds an English management response in the same template,
// made up for the tests: legacy form-field checkboxes (FORMCHECKBOX with
// w:ffData, checked with and without w:val and by default), a "Partially
// agree" with reasons, a "Disagree" with an empty actions table, an owner
// cell merged down over two actions (w:vMerge), a table whose Status
// column comes before the comments, a hyperlink, smart quotes, a line
// break, and dates as a month, a quarter, two deadlines and "Ongoing".
func English() ([]byte, error) {
	d := &Doc{Landscape: true}
	d.Para(Bold("UNHCR Evaluation Management Response"))
	row := func(label, value string) Row {
		return Row{Cells: []Cell{{Shade: true, Paras: []Para{Text(label)}}, {Span: 3, Paras: []Para{Text(value)}}}}
	}
	comments := Para{Runs: []Run{
		{Text: "Management welcomes the evaluation’s “practical” findings; see the "},
		{Text: "evaluation report", Link: "https://www.unhcr.org/evaluation/EVO-2025-07"},
		{Text: "."},
	}}
	d.Table(Table{Widths: headerGrid, Rows: []Row{
		row("Evaluation title:", "Evaluation of the Livelihoods Strategy in Kakuma, 2019 – 2023"),
		row("UNHCR evaluation reference:", "EVO/2025/07"),
		row("Entity that commissioned the evaluation:", "Evaluation Office"),
		row("Due date of Management Response:", "15 March 2025"),
		row("Coordinator of Management Response:", "Jane Achieng – Senior Livelihoods Officer"),
		{Cells: []Cell{{Shade: true, Paras: []Para{Text("Management Response approved by (senior manager in commissioning office):")}},
			{Paras: []Para{Text("Name: Peter Mwangi")}}, {Paras: []Para{Text("Job title: Representative")}},
			{Paras: []Para{Text("Country/Office: CO Kenya")}}}},
		row("Date:", "2 April 2025"),
		{Cells: []Cell{{Shade: true, Paras: []Para{Text("General comments on the evaluation:")}}, {Span: 3, Paras: []Para{comments}}}},
	}})

	label := func(s string) Cell { return Cell{Span: 2, Shade: true, Paras: []Para{Bold(s)}} }
	wide := func(ps ...Para) Cell { return Cell{Span: 5, Paras: ps} }
	boxes := func(agree, partly, disagree Box) Cell {
		return wide(Para{Runs: []Run{{Box: agree}, {Text: " Agree   "}, {Box: partly}, {Text: " Partially agree   "}, {Box: disagree}, {Text: " Disagree"}}})
	}
	head := func(s string, span int, merge string) Cell {
		return Cell{Span: span, Merge: merge, Shade: true, Paras: []Para{Bold(s)}}
	}
	standardHeader := []Row{
		{Header: true, Cells: []Cell{head("Top-line planned actions", 2, "restart"), head("By whom", 1, "restart"), head("Comments", 1, "restart"),
			head("Expected completion date", 1, "restart"), head("Progress", 2, "")}},
		{Header: true, Cells: []Cell{head("", 2, "continue"), head("", 1, "continue"), head("", 1, "continue"), head("", 1, "continue"),
			head("Status", 1, ""), head("Comments", 1, "")}},
	}
	cells := func(texts ...string) []Cell {
		var out []Cell
		for _, t := range texts {
			out = append(out, Cell{Paras: []Para{Text(t)}})
		}
		return out
	}
	bullets := d.NewList("bullet", "•", 1)

	// R1: agreed, three actions: a month, a quarter, an ongoing one; the
	// owner cell of actions 1 and 2 is one merged cell.
	r1 := Table{Widths: recGrid, Rows: []Row{
		{Cells: []Cell{label("RECOMMENDATION 1:"), wide(Bold("Expand access to financial services for refugees"),
			Text("Work with the Central Bank and partner banks so that refugees can open accounts with their UNHCR documents."))}},
		{Cells: []Cell{label("Management response:"), boxes(LegacyChecked, LegacyUnchecked, LegacyUnchecked)}},
		{Cells: []Cell{label("Reasons (if partially agree or disagree):"), wide(Text("[add only if partially agree or disagree was selected]"))}},
		{Cells: []Cell{label("Unit or function responsible:"), wide(Text("CO Kenya; Livelihoods Unit"))}},
	}}
	r1.Rows = append(r1.Rows, standardHeader...)
	a1 := cells("1", "Sign a memorandum with the Central Bank", "", "Draft shared with the Bank in January.", "March 2025", "Completed", "Signed on 28 March 2025.")
	a1[2] = Cell{Merge: "restart", Paras: []Para{Text("Livelihoods Officer")}}
	a2 := cells("2", "Train partner bank staff on refugee documents", "", "Two sessions per county.", "Q4 2025", "In progress", "N/A")
	a2[2] = Cell{Merge: "continue"}
	a3 := cells("3", "Report account openings to the Livelihoods Working Group", "Protection/ Livelihoods", "", "Ongoing", "Ongoing", "")
	a3[3] = Cell{Paras: []Para{
		{Runs: []Run{{Text: "Quarterly figures by county"}}, List: bullets},
		{Runs: []Run{{Text: "Shared on the "}, {Text: "data portal", Link: "https://data.unhcr.org/kakuma"}}, List: bullets},
	}}
	a3[6] = Cell{Paras: []Para{{Runs: []Run{{Text: "First report sent."}, {Break: true, Text: "Next due in July."}}}}}
	r1.Rows = append(r1.Rows, Row{Cells: a1}, Row{Cells: a2}, Row{Cells: a3})
	d.Table(r1)

	// R2: partially agreed (a box checked by its default alone), with
	// reasons; its table puts Status before Comments.
	r2 := Table{Widths: recGrid, Rows: []Row{
		{Cells: []Cell{label("RECOMMENDATION 2:"), wide(Bold("Phase out in-kind food assistance by 2026"),
			Text("Replace in-kind food with cash in every settlement."))}},
		{Cells: []Cell{label("Management response:"), boxes(LegacyCheckedOff, LegacyDefaultOn, LegacyUnchecked)}},
		{Cells: []Cell{label("Reasons (if partially agree or disagree):"), wide(
			Text("Management agrees to move to cash where markets work."),
			Text("In-kind food stays in Kalobeyei until the market assessment is done."))}},
		{Cells: []Cell{label("Unit or function responsible:"), wide(Text("CO Kenya"))}},
		{Header: true, Cells: []Cell{head("Top-line planned actions", 2, ""), head("By whom", 1, ""), head("Status", 1, ""),
			head("Comments", 1, ""), head("Expected completion date", 1, ""), head("Progress", 1, "")}},
		{Cells: cells("1", "Market assessment in Kalobeyei", "Cash Based Interventions", "Not started",
			"With WFP.", "June 2025 and December 2025", "")},
		{Cells: cells("2", "Cash pilot in two villages", "Cash Based Interventions", "Planned",
			"Subject to the assessment.", "Subject to funding", "")},
	}}
	d.Table(r2)

	// R3: disagreed, with reasons and no actions; the box is an X typed
	// before the label.
	r3 := Table{Widths: recGrid, Rows: []Row{
		{Cells: []Cell{label("RECOMMENDATION 3:"), wide(Bold("Close the Kakuma field office"),
			Text("Move its staff to Nairobi and serve the camp from there."))}},
		{Cells: []Cell{label("Management response:"), wide(Text("Agree   Partially agree   X Disagree"))}},
		{Cells: []Cell{label("Reasons (if partially agree or disagree):"), wide(Text("The office serves 200,000 people; closing it would cut them off from registration."))}},
		{Cells: []Cell{label("Unit or function responsible:"), wide(Text("RB EHAGL"))}},
	}}
	r3.Rows = append(r3.Rows, standardHeader...)
	d.Table(r3)
	return d.Bytes()
}
