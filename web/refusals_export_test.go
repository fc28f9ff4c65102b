package web

// RefusalTexts is the admin site's catalog of refusals, for the tests.
var RefusalTexts = refusalTexts
