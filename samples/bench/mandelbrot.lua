-- mandelbrot: escape-time iteration over a size x size grid of the complex
-- plane (float arithmetic in a tight loop); prints a checksum of the
-- iteration counts instead of the image.
local size = 1000
local maxIter = 50
local inside, checksum = 0, 0
for y = 0, size - 1 do
  local ci = 2 * y / size - 1
  for x = 0, size - 1 do
    local cr = 2 * x / size - 1.5
    local zr, zi = 0.0, 0.0
    local i = 0
    while i < maxIter and zr * zr + zi * zi <= 4 do
      zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
      i = i + 1
    end
    if i == maxIter then inside = inside + 1 end
    checksum = (checksum * 31 + i) % 1000000007
  end
end
print(string.format("%d %d", inside, checksum))
