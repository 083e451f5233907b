// TODO: code the transform rewrites
