bucket "da	ta" {
  name = [
}
