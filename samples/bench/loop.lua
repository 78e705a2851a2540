-- loop: a tight integer loop (adds, multiplies, remainders, a branch);
-- measures the interpreter's dispatch on simple arithmetic. The numbers stay
-- below 2^53, so LuaJIT, whose numbers are doubles, computes them exactly.
local n = 70000000
local sum, x = 0, 1
for i = 0, n - 1 do
  x = (x * 75 + 74) % 65537
  if i % 3 == 0 then
    sum = sum + x % 1024
  else
    sum = sum - i % 8
  end
end
print(string.format("%d %d", sum, x))
