bucket = {
  name = "x"
}
