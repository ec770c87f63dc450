package com.healthconnect.patient.internal;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface Patients extends MongoRepository<Patient, String> {

	Optional<Patient> findByEmail(String email);
}
