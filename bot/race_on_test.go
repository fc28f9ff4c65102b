//go:build race

package bot_test

// raceDetector slows every goroutine several times over: tests that play
// time faster than real play it slower under it.
const raceDetector = true
