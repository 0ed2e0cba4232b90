"""An academicpages (Jekyll) site root: `_config.yml`, the about page, and the `_publications`,
`_talks`, `_teaching` and `_portfolio` collections, read into one `PageIn`."""
