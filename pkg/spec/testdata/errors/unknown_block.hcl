# a misspelled top-level block.
# want: line 3: Unsupported block type
buckets "data" {
}
