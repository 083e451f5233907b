// TODO: the expected output
