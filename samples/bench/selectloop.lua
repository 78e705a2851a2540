-- selectloop: two producer coroutines each fill their own bounded queue
-- (128 slots) with 2,000,000 numbers; one consumer takes from whichever
-- queue holds values, alternating between them as a select would pick,
-- and resumes a producer when its queue runs dry, until both are done.
local n, capacity = 2000000, 128

local function queue()
  return { head = 1, tail = 1, done = false }
end

local function producer(q, step)
  return coroutine.wrap(function()
    for i = 0, n - 1 do
      while q.tail - q.head >= capacity do coroutine.yield() end
      q[q.tail] = i * step
      q.tail = q.tail + 1
    end
    q.done = true
  end)
end

local qa, qb = queue(), queue()
local pa, pb = producer(qa, 1), producer(qb, 3)
local count, sum = 0, 0
local turn = 0
while not (qa.done and qa.head == qa.tail and qb.done and qb.head == qb.tail) do
  local q, p = qa, pa
  if turn == 1 then q, p = qb, pb end
  turn = 1 - turn
  if q.head < q.tail then
    local v = q[q.head]
    q[q.head] = nil
    q.head = q.head + 1
    count = count + 1
    sum = sum + v
  elseif not q.done then
    p()
  end
end
print(string.format("%d %d", count, sum))
