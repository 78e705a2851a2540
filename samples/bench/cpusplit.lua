-- cpusplit: the work of cpusplit.gol (8 shares of loop's LCG, each with its
-- own seed), done sequentially: Lua has no threads.
local parts, share = 8, 6000000

local function work(part)
  local sum, x = 0, part + 1
  for i = 0, share - 1 do
    x = (x * 75 + 74) % 65537
    if i % 3 == 0 then
      sum = sum + x % 1024
    else
      sum = sum - i % 8
    end
  end
  return sum
end

local texts, total = {}, 0
for p = 0, parts - 1 do
  local r = work(p)
  texts[p + 1] = string.format("%d", r)
  total = total + r
end
print("[" .. table.concat(texts, " ") .. "]")
print(string.format("%d", total))
