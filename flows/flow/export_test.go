package flow

// EditsWithin is editsWithin, for the tests.
var EditsWithin = editsWithin
