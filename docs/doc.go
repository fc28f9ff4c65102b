// Package docs holds the project's design documents: ARCHITECTURE.md (how
// the code is built and what it guarantees) and GLOSSARY.md (the program's
// words). It has no code; its test checks that what the documents and the
// README cite exists, so that they cannot drift from the code unnoticed.
package docs
