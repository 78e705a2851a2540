package time

func localLocation() *Location { return &Location{name: "Local"} }
