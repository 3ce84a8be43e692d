"""The weekly report: one pure data builder (`build`) and one writer per format (`render_*`)."""
