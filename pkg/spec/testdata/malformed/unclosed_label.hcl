bucket "data {
  name = "x"
}
