-- Calendar: the official days of each year (days off, make-up working days), edited by an
-- administrator. The defaults computed from the law (server/src/calendar/holidays.ts) fill in
-- the rest; a stored day wins over the default of the same date.
-- Bộ luật Lao động 2019, Điều 112 khoản 3: the Prime Minister fixes the Tết days and the day
-- next to 2/9 every year, and the government may swap working days (hoán đổi), so these are data.

CREATE TABLE calendar_days (
  date        date PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('holiday','compensation','government_off','makeup_workday','workday')),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- The legal basis: the law's article, or the number and date of the government's decision.
  basis       text NOT NULL CHECK (length(basis) BETWEEN 1 AND 500),
  -- Make-up days are weekends; an ordinary working day kept by decision is a weekday.
  CHECK (kind <> 'makeup_workday' OR extract(isodow FROM date) IN (6, 7)),
  CHECK (kind <> 'workday' OR extract(isodow FROM date) BETWEEN 1 AND 5),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- 2025, for cán bộ, công chức, viên chức: Văn bản 8726/VPCP-KGVX ngày 26/11/2024 of the Văn
-- phòng Chính phủ (the Prime Minister's decision on Tết Âm lịch and other holidays of 2025).
INSERT INTO calendar_days (date, kind, name, basis) VALUES
  ('2025-01-01', 'holiday', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a'),
  ('2025-01-27', 'holiday', 'Tết Âm lịch (28 tháng Chạp)', 'Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ: nghỉ Tết Âm lịch từ thứ Bảy 25/01/2025 đến hết Chủ nhật 02/02/2025'),
  ('2025-01-28', 'holiday', 'Tết Âm lịch (29 tháng Chạp)', 'Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ: nghỉ Tết Âm lịch từ thứ Bảy 25/01/2025 đến hết Chủ nhật 02/02/2025'),
  ('2025-01-29', 'holiday', 'Tết Âm lịch (mùng 1 tháng Giêng)', 'Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ: nghỉ Tết Âm lịch từ thứ Bảy 25/01/2025 đến hết Chủ nhật 02/02/2025'),
  ('2025-01-30', 'holiday', 'Tết Âm lịch (mùng 2 tháng Giêng)', 'Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ: nghỉ Tết Âm lịch từ thứ Bảy 25/01/2025 đến hết Chủ nhật 02/02/2025'),
  ('2025-01-31', 'holiday', 'Tết Âm lịch (mùng 3 tháng Giêng)', 'Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ: nghỉ Tết Âm lịch từ thứ Bảy 25/01/2025 đến hết Chủ nhật 02/02/2025'),
  -- The five Tết days are 27–31/1, so mùng 4 (Saturday 1/2) owes no compensation day on 3/2.
  ('2025-02-03', 'workday', 'Ngày làm việc (không nghỉ bù: 05 ngày Tết đã bố trí từ 27/01 đến 31/01/2025)', 'Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ'),
  ('2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e'),
  ('2025-04-26', 'makeup_workday', 'Làm bù cho ngày nghỉ thứ Sáu 02/5/2025', 'Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ: hoán đổi ngày làm việc thứ Sáu 02/5/2025 sang thứ Bảy 26/4/2025'),
  ('2025-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c'),
  ('2025-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d'),
  ('2025-05-02', 'government_off', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4/2025)', 'Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ: hoán đổi ngày làm việc thứ Sáu 02/5/2025 sang thứ Bảy 26/4/2025'),
  ('2025-09-01', 'holiday', 'Quốc khánh (ngày liền kề, 1/9)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ và khoản 3; Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ: nghỉ từ thứ Bảy 30/8 đến hết thứ Ba 02/9/2025'),
  ('2025-09-02', 'holiday', 'Quốc khánh (2/9)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ');

-- 2026, for cán bộ, công chức, viên chức.
INSERT INTO calendar_days (date, kind, name, basis) VALUES
  ('2026-01-01', 'holiday', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a'),
  ('2026-01-02', 'government_off', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', 'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: hoán đổi ngày làm việc thứ Sáu 02/01/2026 sang thứ Bảy 10/01/2026'),
  ('2026-01-10', 'makeup_workday', 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026', 'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: hoán đổi ngày làm việc thứ Sáu 02/01/2026 sang thứ Bảy 10/01/2026'),
  ('2026-02-16', 'holiday', 'Tết Âm lịch (29 tháng Chạp)', 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ: nghỉ Tết Âm lịch từ thứ Hai 16/02 đến hết thứ Sáu 20/02/2026, cùng 04 ngày nghỉ hằng tuần (14/02 – 22/02/2026)'),
  ('2026-02-17', 'holiday', 'Tết Âm lịch (mùng 1 tháng Giêng)', 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ: nghỉ Tết Âm lịch từ thứ Hai 16/02 đến hết thứ Sáu 20/02/2026, cùng 04 ngày nghỉ hằng tuần (14/02 – 22/02/2026)'),
  ('2026-02-18', 'holiday', 'Tết Âm lịch (mùng 2 tháng Giêng)', 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ: nghỉ Tết Âm lịch từ thứ Hai 16/02 đến hết thứ Sáu 20/02/2026, cùng 04 ngày nghỉ hằng tuần (14/02 – 22/02/2026)'),
  ('2026-02-19', 'holiday', 'Tết Âm lịch (mùng 3 tháng Giêng)', 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ: nghỉ Tết Âm lịch từ thứ Hai 16/02 đến hết thứ Sáu 20/02/2026, cùng 04 ngày nghỉ hằng tuần (14/02 – 22/02/2026)'),
  ('2026-02-20', 'holiday', 'Tết Âm lịch (mùng 4 tháng Giêng)', 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ: nghỉ Tết Âm lịch từ thứ Hai 16/02 đến hết thứ Sáu 20/02/2026, cùng 04 ngày nghỉ hằng tuần (14/02 – 22/02/2026)'),
  ('2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e'),
  ('2026-04-27', 'compensation', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch trùng Chủ nhật 26/4/2026)', 'Bộ luật Lao động 2019, Điều 111 khoản 3'),
  ('2026-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c'),
  ('2026-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d'),
  ('2026-09-02', 'holiday', 'Quốc khánh (2/9)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ');
-- The day next to 2/9/2026 is left to the computed default (1/9, marked 'default'): the
-- administrator stores the day the official notice fixes (Thông báo 9441/TB-BNV also covers it).
-- 2027 has no official decision yet: its days are the computed defaults.
