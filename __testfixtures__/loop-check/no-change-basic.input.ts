// TODO: code the transform must leave alone
