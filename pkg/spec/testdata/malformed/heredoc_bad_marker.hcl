bucket "data" {
  name = <<
x
}
