-- skynet: a tree of 1,000,000 leaf coroutines (and 111,111 inner ones),
-- ten children per node; each reports its number or its children's sum by
-- yielding it to its parent. The root prints 499999500000.
local create, resume, yield = coroutine.create, coroutine.resume, coroutine.yield

local function skynet(num, size, div)
  if size == 1 then
    yield(num)
    return
  end
  local sub = math.floor(size / div)
  local sum = 0
  for i = 0, div - 1 do
    local co = create(skynet)
    local _, v = resume(co, num + i * sub, sub, div)
    sum = sum + v
  end
  yield(sum)
end

local root = create(skynet)
local _, total = resume(root, 0, 1000000, 10)
print(string.format("%d", total))
