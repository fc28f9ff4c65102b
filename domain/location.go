package domain

// Location is a map pin, as a channel delivers it and a flow reads it.
type Location struct {
	Lat float64
	Lng float64
}
