-- Short strings and small values: the Lua version of strbuf.gol. Lua
-- interns every string it builds, and has no escape analysis.
local function classify(v)
  if type(v) == "number" then return v end
  if type(v) == "string" then return #v end
  return 0
end

local function maxOf(...)
  local xs = {...}
  local m = xs[1]
  for k = 2, #xs do
    if xs[k] > m then m = xs[k] end
  end
  return m
end

local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
local n = #words
local counts = {}
for _, w in ipairs(words) do
  for _, v in ipairs(words) do
    counts[w .. "/" .. v:sub(1, 1)] = {0}
  end
end
local total = 0
for i = 0, 1000000 - 1 do
  local w = words[i % n + 1]
  local v = words[math.floor(i / 8) % n + 1]
  local key = w .. "/" .. v:sub(1, 1)
  local p = counts[key]
  if p ~= nil then p[1] = p[1] + 1 end
  if w .. "+" .. v == "alpha+beta" then total = total + 1000 end
  total = total + maxOf(#w, #v, i % 7)
  total = total + classify(i % 3) + classify(w)
  local r = {string.byte(v, 1, -1)}  -- ASCII words: one rune per byte
  total = total + #r
end
print(total .. " " .. counts["alpha/b"][1] .. " " .. counts["theta/t"][1] .. " " .. counts["eta/g"][1])
