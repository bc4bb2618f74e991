bucket "da
ta" {
  name = "x"
}
