bucket 123 {
  name = "x"
}
