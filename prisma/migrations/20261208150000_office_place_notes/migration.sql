-- Two offices' place notes were written in English ("Agam (near Bukittinggi)", "Nias (Gunungsitoli
-- area)") and showed so on the Indonesian pages. data/immigration-offices.csv now writes them as
-- the other offices' are, "Regency (town)". This brings installations seeded before to the same.
-- Only a value still as seeded is changed: a city an admin has corrected since is theirs.
-- (No semicolon in these comments: the migration runner splits the file on every one.)
UPDATE "Office" SET "city" = 'Agam (Bukittinggi)' WHERE "code" = 'kanim-agam' AND "city" = 'Agam (near Bukittinggi)';
UPDATE "Office" SET "city" = 'Nias (Gunungsitoli)' WHERE "code" = 'kanim-nias' AND "city" = 'Nias (Gunungsitoli area)';
