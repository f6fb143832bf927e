-- Service volumes (issue 14): how many times an office delivered a service in a month, the
-- denominator of the rates per 10,000 services and the population of the survey sample size.
CREATE TABLE "ServiceVolume" (
    "id" SERIAL NOT NULL,
    "officeId" INTEGER NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "count" INTEGER NOT NULL,
    "enteredById" UUID NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceVolume_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ServiceVolume_month_officeId_idx" ON "ServiceVolume"("month", "officeId");

CREATE UNIQUE INDEX "ServiceVolume_officeId_serviceId_month_key" ON "ServiceVolume"("officeId", "serviceId", "month");

ALTER TABLE "ServiceVolume" ADD CONSTRAINT "ServiceVolume_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ServiceVolume" ADD CONSTRAINT "ServiceVolume_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ServiceVolume" ADD CONSTRAINT "ServiceVolume_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
