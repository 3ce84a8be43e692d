"""The weekly report: one data builder (`build`, pure), one writer per format (`to_markdown`,
`to_csv`, `to_html` with its charts in `svg`; the JSON is `shapes.weekly_report`)."""
