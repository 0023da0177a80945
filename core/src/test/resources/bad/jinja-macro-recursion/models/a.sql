select {{ loop(1) }} 1 as x
