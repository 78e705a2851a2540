-- sieve: the prime sieve with one coroutine per prime found, until the
-- first 3,000 primes. Lua's resumes nest on the C stack, so the chain
-- cannot pull from itself as the Gol goroutines do; instead the main
-- program hands each candidate to the filters in turn, one resume per
-- filter passed, the same number of handoffs as the Gol version's sends.
local create, resume, yield = coroutine.create, coroutine.resume, coroutine.yield

local function filter(prime)
  local v = yield()
  while true do
    v = yield(v % prime ~= 0)
  end
end

local n = 3000
local filters = {}
local sum, last, found = 0, 0, 0
local i = 1
while found < n do
  i = i + 1
  local passes = true
  for k = 1, #filters do
    local _, keep = resume(filters[k], i)
    if not keep then
      passes = false
      break
    end
  end
  if passes then
    found = found + 1
    sum = sum + i
    last = i
    local co = create(filter)
    resume(co, i)
    filters[#filters + 1] = co
  end
end
print(string.format("%d %d", last, sum))
