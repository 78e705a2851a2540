-- The Benchmarks Game's binary-trees at depth 18, as binarytrees.gol: a node
-- is a table {left, right}; a leaf is an empty table.

local function bottomUp(depth)
  if depth <= 0 then
    return {}
  end
  depth = depth - 1
  return { bottomUp(depth), bottomUp(depth) }
end

local function check(node)
  local left = node[1]
  if left == nil then
    return 1
  end
  return 1 + check(left) + check(node[2])
end

local n = 18
local minDepth = 4
local maxDepth = n
if minDepth + 2 > maxDepth then
  maxDepth = minDepth + 2
end
local stretch = maxDepth + 1
io.write(string.format("stretch tree of depth %d\t check: %d\n", stretch, check(bottomUp(stretch))))
local longLived = bottomUp(maxDepth)
for depth = minDepth, maxDepth, 2 do
  local iterations = 2 ^ (maxDepth - depth + minDepth)
  local sum = 0
  for _ = 1, iterations do
    sum = sum + check(bottomUp(depth))
  end
  io.write(string.format("%d\t trees of depth %d\t check: %d\n", iterations, depth, sum))
end
io.write(string.format("long lived tree of depth %d\t check: %d\n", maxDepth, check(longLived)))
