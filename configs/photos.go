package configs

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
)

// DemoPhotos draws the two progress photos of the demo report: a road
// under a sky, in two stages of work. They are drawn, not shipped, so
// that the repository holds no binary files.
func DemoPhotos() [][]byte {
	var out [][]byte
	for i, road := range []color.RGBA{{139, 110, 75, 255}, {120, 120, 118, 255}} {
		img := image.NewRGBA(image.Rect(0, 0, 1200, 900))
		for y := 0; y < 900; y++ {
			for x := 0; x < 1200; x++ {
				var c color.RGBA
				switch {
				case y < 380: // sky, lighter towards the horizon
					c = color.RGBA{uint8(110 + y/5), uint8(160 + y/6), 235, 255}
				case abs(x-600) < (y-380)*3/4+40: // the road narrowing to the horizon
					c = road
					if i == 1 && (x/60+y/45)%2 == 0 { // laid stones
						c = color.RGBA{road.R - 25, road.G - 25, road.B - 20, 255}
					}
				default: // rice fields
					c = color.RGBA{70, uint8(140 + (x*y)%30), 60, 255}
				}
				img.SetRGBA(x, y, c)
			}
		}
		var buf bytes.Buffer
		_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80})
		out = append(out, buf.Bytes())
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
