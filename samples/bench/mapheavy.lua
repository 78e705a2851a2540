-- mapheavy: inserts, looks up, updates and deletes integer and string keys
-- in tables used as hash maps (hashing, growth, string building).
local n = 200000
local rounds = 8
local hits, sum = 0, 0
for _ = 1, rounds do
  local ints = {}
  local count = 0 -- Go's len(map): Lua's # does not count hash keys
  for i = 0, n - 1 do
    local k = i * 7919 % 1000003
    if ints[k] == nil then count = count + 1 end
    ints[k] = i
  end
  for i = 0, 2 * n - 1 do
    local v = ints[i]
    if v ~= nil then
      hits = hits + 1
      sum = sum + v
    end
  end
  for i = 0, n - 1, 2 do
    local k = i * 7919 % 1000003
    if ints[k] ~= nil then count = count - 1 end
    ints[k] = nil
  end
  local strs = {}
  local scount = 0
  for i = 0, n - 1 do
    local k = "k" .. (i % 50000)
    local old = strs[k]
    if old == nil then scount = scount + 1; old = 0 end
    strs[k] = old + i
  end
  for i = 0, n - 1, 3 do
    sum = sum + (strs["k" .. i] or 0) % 1000
  end
  hits = hits + count + scount
end
print(string.format("%d %d", hits, sum))
