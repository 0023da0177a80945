select {{ nothing_here() }} as x
