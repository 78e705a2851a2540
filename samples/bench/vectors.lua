-- Small short-lived objects: the Lua version of vectors.gol. Lua has no
-- escape analysis: every table here is a heap allocation.
local function add(a, b, out)
  out.X = a.X + b.X
  out.Y = a.Y + b.Y
  out.Z = a.Z + b.Z
end

local function scale(v, k)
  v.X = v.X * k
  v.Y = v.Y * k
  v.Z = v.Z * k
end

local function dot(a, b)
  return a.X * b.X + a.Y * b.Y + a.Z * b.Z
end

local function bucketSum(seed)
  local scratch = {}
  for i = 0, 15 do
    scratch[i + 1] = (seed + i * 7) % 13
  end
  local s = 0
  for i = 1, 16 do
    s = s + scratch[i]
  end
  return s
end

local n = 2000000
local total = 0.0
local hist = {}
for i = 1, 16 do hist[i] = 0 end
for i = 0, n - 1 do
  local a = {X = i % 100 + 0.0, Y = 1.0, Z = 2.0}
  local b = {X = 3.0, Y = i % 7 + 0.0, Z = 5.0}
  local c = {X = 0.0, Y = 0.0, Z = 0.0}
  add(a, b, c)
  scale(c, 0.5)
  total = total + dot(c, a)
  local loc = {0, 0, 0, 0}
  loc[i % 4 + 1] = i
  hist[i % 16 + 1] = hist[i % 16 + 1] + loc[i % 4 + 1] % 3
  if i % 8 == 0 then
    local k = math.floor(i / 8) % 16 + 1
    hist[k] = hist[k] + bucketSum(i)
  end
end
local sum = 0
for i = 1, 16 do sum = sum + hist[i] end
print(string.format("%.1f %d", total, sum))
