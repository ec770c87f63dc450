package com.healthconnect.doctor.internal;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface Doctors extends MongoRepository<Doctor, String> {

	Optional<Doctor> findByEmail(String email);
}
